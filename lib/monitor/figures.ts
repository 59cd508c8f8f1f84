// Partition-level figures. One pass over the partitions feeds the topic table,
// the cluster totals and the per-broker counts, because a real cluster has
// thousands of partitions and this runs every poll. Two views come out of it:
// Kafka's (its metadata as stated) and the effective one (each ISR minus the
// replicas on brokers known down or frozen), which is what health is judged on:
// Kafka keeps a dead broker in every ISR until it fences it, and never changes
// an ISR at all while there is no active controller.
import { own } from "./own";
import type { ClusterFigures, KafkaViewFigures, PartitionState, TopicSummary } from "@/lib/model/cluster";

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
  leaderDown: number;
}

/** What the effective view needs to know beyond the metadata. */
export interface EffectiveContext {
  /** Brokers known down or frozen (runtime, own liveness probe). */
  down: ReadonlySet<number>;
  /** False when no controller can elect a new leader (quorum lost): a dead leader then means offline. */
  canElect: boolean;
}

const NOTHING_DOWN: EffectiveContext = { down: new Set(), canElect: true };

export interface PartitionSummary {
  /** Sorted by topic name; messagesInPerSec is null until rates are merged. */
  topics: TopicSummary[];
  perBroker: Map<number, BrokerCounts>;
  /** Effective totals. */
  totals: PartitionTotals;
  /** Kafka's own view of the same partitions. */
  kafka: KafkaViewFigures;
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

/** The ISR without replicas on brokers known down. */
export function effectiveIsr(p: PartitionState, down: ReadonlySet<number>): number[] {
  return down.size === 0 ? p.isr : p.isr.filter((r) => !down.has(r));
}

export function summarisePartitions(
  partitions: readonly PartitionState[],
  minIsr: Readonly<Record<string, number>>,
  ctx: EffectiveContext = NOTHING_DOWN,
): PartitionSummary {
  const topics = new Map<string, TopicSummary>();
  const perBroker = new Map<number, BrokerCounts>();
  const totals: PartitionTotals = { partitions: 0, underReplicated: 0, underMinIsr: 0, offline: 0, leaderDown: 0 };
  const kafka: KafkaViewFigures = { underReplicated: 0, underMinIsr: 0, offline: 0 };
  const { down, canElect } = ctx;
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
    if (isOffline(p)) kafka.offline++;
    if (isUnderReplicated(p)) kafka.underReplicated++;
    if (isUnderMinIsr(p, t.minIsr)) kafka.underMinIsr++;

    const isr = effectiveIsr(p, down);
    const leaderGone = p.leader >= 0 && down.has(p.leader);
    // A dead leader with a live in-sync replica is a stall until Kafka elects; with none
    // (or no controller to elect) the partition is offline now, whatever the metadata says.
    const offline = isOffline(p) || (leaderGone && (isr.length === 0 || !canElect));
    if (offline) t.offline++;
    else if (leaderGone) totals.leaderDown++;
    if (isr.length < p.replicas.length) t.underReplicated++;
    if (isr.length < t.minIsr) t.underMinIsr++;

    if (!isOffline(p)) countsOf(p.leader).leaders++;
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
  return { topics: list, perBroker, totals, kafka };
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
