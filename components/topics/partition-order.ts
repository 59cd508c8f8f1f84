// A partition's trouble, and the order an operator wants to read them in: the
// worst first, so a topic with thousands of partitions shows its problems at the top.
import type { ConsumerGroupLag, PartitionState, TopicSummary } from "@/lib/model/cluster";

export type PartitionStatus = "offline" | "under-min-isr" | "under-replicated" | "ok";

const RANK: Record<PartitionStatus, number> = { offline: 0, "under-min-isr": 1, "under-replicated": 2, ok: 3 };

export function partitionStatus(p: PartitionState, minIsr: number): PartitionStatus {
  if (p.leader < 0) return "offline";
  if (p.isr.length < minIsr) return "under-min-isr";
  if (p.isr.length < p.replicas.length) return "under-replicated";
  return "ok";
}

export interface RankedPartition extends PartitionState {
  status: PartitionStatus;
}

export function rankPartitions(partitions: readonly PartitionState[], minIsr: number): RankedPartition[] {
  return partitions
    .map((p) => ({ ...p, status: partitionStatus(p, minIsr) }))
    .sort((a, b) => RANK[a.status] - RANK[b.status] || a.partition - b.partition);
}

export function topicTrouble(t: TopicSummary): number {
  return t.offline * 1e9 + t.underMinIsr * 1e6 + t.underReplicated;
}

/** Topics with trouble first (worst first), then by name. */
export function rankTopics(topics: readonly TopicSummary[]): TopicSummary[] {
  return [...topics].sort((a, b) => topicTrouble(b) - topicTrouble(a) || a.name.localeCompare(b.name));
}

export function groupPartitions(partitions: readonly PartitionState[]): Map<string, PartitionState[]> {
  const out = new Map<string, PartitionState[]>();
  for (const p of partitions) {
    const list = out.get(p.topic);
    if (list) list.push(p);
    else out.set(p.topic, [p]);
  }
  return out;
}

/** Total consumer lag on each topic, over every group. */
export function lagByTopic(groups: readonly ConsumerGroupLag[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of groups) for (const t of g.topics) out.set(t.topic, (out.get(t.topic) ?? 0) + t.lag);
  return out;
}
