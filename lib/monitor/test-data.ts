// Builders of plain monitor data for the unit tests: a healthy 3-node demo
// cluster by default, and a big foreign one for the performance checks.
import type { BrokerProcess, RuntimeStatus } from "@/lib/model/runtime";
import type { LivenessProbe, Observation, PartitionState, QuorumMember, QuorumState, RuntimeInfo, VoterView } from "@/lib/model/cluster";

export const T0 = 1_700_000_000_000;
export const BOOTSTRAP = ["127.0.0.1:19092", "127.0.0.1:29092", "127.0.0.1:39092"] as const;
export const LOCAL_RUNTIME: RuntimeInfo = { kind: "local", available: true, reason: null };
export const NO_RUNTIME: RuntimeInfo = { kind: "none", available: false, reason: "RUNTIME=none" };

export function part(topic: string, partition: number, leader: number, replicas: number[], isr = replicas): PartitionState {
  return { topic, partition, leader, replicas, isr, offlineReplicas: [] };
}

/** Partitions of a topic spread round-robin over the brokers, all in sync. */
export function topicParts(topic: string, count: number, brokers: readonly number[], rf = 3, offset = 0): PartitionState[] {
  return Array.from({ length: count }, (_, i) => {
    const replicas = Array.from({ length: rf }, (_, r) => brokers[(offset + i + r) % brokers.length] ?? 0);
    return part(topic, i, replicas[0] ?? -1, replicas);
  });
}

export function member(id: number, at = T0, lag = 0): QuorumMember {
  return { id, logEndOffset: 100 - lag, lag, lastFetchTimestamp: at, lastCaughtUpTimestamp: at };
}

export function quorum(leaderId: number, voters: readonly number[], at = T0): QuorumState {
  return { leaderId, leaderEpoch: 1, highWatermark: 100, voters: voters.map((id) => member(id, at)), observers: [] };
}

export const probeOk: LivenessProbe = { ok: true, ms: 1.2 };
export const probeRefused: LivenessProbe = { ok: false, ms: null, failure: "refused", error: "connect ECONNREFUSED" };
export const probeTimeout: LivenessProbe = { ok: false, ms: null, failure: "timeout", error: "did not answer within 800 ms" };

export function liveness(ids: readonly number[], probe: LivenessProbe = probeOk): Record<number, LivenessProbe> {
  return Object.fromEntries(ids.map((id) => [id, probe]));
}

/** What each voter says when asked directly: `leader` confirmed by itself, the others naming it. */
export function voterViews(leader: number, ids: readonly number[], at = T0, silent: readonly number[] = []): VoterView[] {
  return ids.map((id) => {
    const answered = !silent.includes(id);
    return {
      id,
      endpoint: `127.0.0.1:${19191 + id}`,
      answered,
      lastAnsweredAt: answered ? at : at - 5000,
      leaderId: answered ? leader : null,
      confirmedLeader: answered && id === leader,
    };
  });
}

export function proc(id: number, status: RuntimeStatus = "running", detail?: string): BrokerProcess {
  return { id, status, pid: 1000 + id, since: T0 - 60_000, ...(detail ? { detail } : {}) };
}

export function procs(ids: readonly number[], status: RuntimeStatus = "running"): BrokerProcess[] {
  return ids.map((id) => proc(id, status));
}

/** A healthy 3-node demo cluster: two topics of 6 partitions, RF 3, min ISR 2, controller 1. */
export function observation(over: Partial<Observation> = {}): Observation {
  const ids = [1, 2, 3];
  const partitions = [...topicParts("user_action", 6, ids), ...topicParts("content_interaction", 6, ids)];
  return {
    at: T0,
    reachable: true,
    registered: ids.map((id) => ({ id, host: "127.0.0.1", port: 9092 + id * 10000 })),
    responsive: [...ids],
    partitions,
    minIsr: { user_action: 2, content_interaction: 2 },
    quorum: quorum(1, ids),
    highWatermarks: hwOf(partitions, 0),
    groups: [],
    metrics: {},
    liveness: liveness(ids),
    voterViews: voterViews(1, ids),
    quorumVia: "controllers",
    sessionTimeoutMs: 6000,
    answeredBy: "127.0.0.1:19092",
    canary: null,
    ...over,
  };
}

export function hwOf(partitions: readonly PartitionState[], value: number): Record<string, Record<number, number>> {
  const out: Record<string, Record<number, number>> = {};
  for (const p of partitions) (out[p.topic] ??= {})[p.partition] = value;
  return out;
}

/** What the cluster looks like once broker `id` died and its session expired. */
export function withoutBroker(obs: Observation, id: number): Observation {
  return {
    ...obs,
    registered: obs.registered.filter((b) => b.id !== id),
    responsive: obs.responsive.filter((b) => b !== id),
    liveness: { ...obs.liveness, [id]: probeRefused },
    voterViews: obs.voterViews.map((v) => (v.id === id ? { ...v, answered: false, leaderId: null, confirmedLeader: false } : v)),
    partitions: obs.partitions.map((p) => {
      const isr = p.isr.filter((r) => r !== id);
      return { ...p, isr, leader: p.leader === id ? (isr[0] ?? -1) : p.leader };
    }),
  };
}

/** A foreign cluster: `brokers` brokers, `partitions` partitions over `topics` topics, RF 3, 3 dedicated voters. */
export function bigObservation(brokers: number, partitions: number, at = T0, topics = 30): Observation {
  const ids = Array.from({ length: brokers }, (_, i) => 101 + i);
  const perTopic = Math.ceil(partitions / topics);
  const parts: PartitionState[] = [];
  for (let t = 0; parts.length < partitions; t++) {
    parts.push(...topicParts(`topic.${t}`, Math.min(perTopic, partitions - parts.length), ids, 3, parts.length));
  }
  return {
    at,
    reachable: true,
    registered: ids.map((id) => ({ id, host: `kafka-${id}.example`, port: 9092 })),
    responsive: [...ids],
    partitions: parts,
    minIsr: Object.fromEntries(Array.from({ length: topics }, (_, t) => [`topic.${t}`, 2])),
    quorum: quorum(9001, [9001, 9002, 9003], at),
    highWatermarks: hwOf(parts, 1000),
    groups: [],
    metrics: {},
    liveness: liveness(ids),
    voterViews: [],
    quorumVia: "brokers",
    sessionTimeoutMs: 9000,
    answeredBy: "kafka-101.example:9092",
    canary: null,
  };
}
