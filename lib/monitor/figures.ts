// Partition-level figures. One pass over the partitions feeds the topic table,
// the cluster totals and the per-broker counts, because a real cluster has
// thousands of partitions and this runs every poll.
import { own } from "./own";
import type { ClusterFigures, PartitionState, TopicSummary } from "@/lib/model/cluster";

/** Kafka's own default when a topic's min.insync.replicas was not observed. */
export const DEFAULT_MIN_ISR = 1;

export interface BrokerCounts {
  leaders: number;
  replicas: number;
  /** Partitions it replicates but is missing from the ISR of. */
  outOfSync: number;
}

export interface PartitionTotals {
  partitions: number;
  underReplicated: number;
  underMinIsr: number;
  offline: number;
}

export interface PartitionSummary {
  /** Sorted by topic name; messagesInPerSec is null until rates are merged. */
  topics: TopicSummary[];
  perBroker: Map<number, BrokerCounts>;
  totals: PartitionTotals;
}

export function isOffline(p: PartitionState): boolean {
  return p.leader < 0;
}

export function isUnderReplicated(p: PartitionState): boolean {
  return p.isr.length < p.replicas.length;
}

export function isUnderMinIsr(p: PartitionState, minIsr: number): boolean {
  return p.isr.length < minIsr;
}

export function minIsrOf(minIsr: Readonly<Record<string, number>>, topic: string): number {
  return own(minIsr, topic) ?? DEFAULT_MIN_ISR;
}

export function summarisePartitions(
  partitions: readonly PartitionState[],
  minIsr: Readonly<Record<string, number>>,
): PartitionSummary {
  const topics = new Map<string, TopicSummary>();
  const perBroker = new Map<number, BrokerCounts>();
  const totals: PartitionTotals = { partitions: 0, underReplicated: 0, underMinIsr: 0, offline: 0 };
  const countsOf = (id: number): BrokerCounts => {
    let c = perBroker.get(id);
    if (!c) {
      c = { leaders: 0, replicas: 0, outOfSync: 0 };
      perBroker.set(id, c);
    }
    return c;
  };

  for (const p of partitions) {
    let t = topics.get(p.topic);
    if (!t) {
      t = {
        name: p.topic,
        partitions: 0,
        replicationFactor: 0,
        minIsr: minIsrOf(minIsr, p.topic),
        underReplicated: 0,
        underMinIsr: 0,
        offline: 0,
        messagesInPerSec: null,
      };
      topics.set(p.topic, t);
    }
    t.partitions++;
    // During a reassignment the replica list is temporarily longer; the widest is the honest RF.
    if (p.replicas.length > t.replicationFactor) t.replicationFactor = p.replicas.length;
    const offline = isOffline(p);
    const urp = isUnderReplicated(p);
    const underMin = isUnderMinIsr(p, t.minIsr);
    if (offline) t.offline++;
    if (urp) t.underReplicated++;
    if (underMin) t.underMinIsr++;

    if (!offline) countsOf(p.leader).leaders++;
    // ISRs are tiny (RF), so includes() beats building a Set per partition.
    for (const r of p.replicas) {
      const c = countsOf(r);
      c.replicas++;
      if (!p.isr.includes(r)) c.outOfSync++;
    }
  }

  const list = [...topics.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const t of list) {
    totals.partitions += t.partitions;
    totals.underReplicated += t.underReplicated;
    totals.underMinIsr += t.underMinIsr;
    totals.offline += t.offline;
  }
  return { topics: list, perBroker, totals };
}

export function countsFor(perBroker: ReadonlyMap<number, BrokerCounts>, id: number): BrokerCounts {
  return perBroker.get(id) ?? { leaders: 0, replicas: 0, outOfSync: 0 };
}

/** Every listed broker appears, with 0 when it leads nothing, so charts keep a line for a dead broker. */
export function leadersPerBroker(
  brokerIds: readonly number[],
  perBroker: ReadonlyMap<number, BrokerCounts>,
): Record<number, number> {
  return Object.fromEntries(brokerIds.map((id) => [id, countsFor(perBroker, id).leaders]));
}

/** Merges per-topic rates into the summaries; a topic without a rate yet stays null. */
export function withTopicRates(
  topics: readonly TopicSummary[],
  perTopic: Readonly<Record<string, number>> | null,
): TopicSummary[] {
  return topics.map((t) => ({ ...t, messagesInPerSec: own(perTopic, t.name) ?? null }));
}

export function clusterFigures(
  summary: PartitionSummary,
  brokerIds: readonly number[],
  messagesInPerSec: number | null,
): ClusterFigures {
  return {
    brokers: brokerIds.length,
    topics: summary.topics.length,
    ...summary.totals,
    messagesInPerSec,
    leadersPerBroker: leadersPerBroker(brokerIds, summary.perBroker),
  };
}
