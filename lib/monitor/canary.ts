// The canary's verdict: writability measured, not inferred. A failed write is
// "explained" while Kafka is expected to clear it by itself — a broker known
// down that Kafka has not fenced yet still sits in the ISR (acks=all waits for
// it) or still leads, or an election is under way — and then it is a stall
// (DEGRADED). A write that keeps failing with nothing to explain it is the
// cluster refusing writes (CRITICAL), whatever the metadata claims.
import type { CanaryObservation, CanaryPartitionState, CanaryState, PartitionState, QuorumStatus } from "@/lib/model/cluster";
import { kafkaErrorName } from "@/lib/kafka/error-names";
import { listIds, plural } from "./words";

/** Rounds in a row a write must fail, unexplained, before it counts as failing. */
export const FAILING_AFTER = 2;
/**
 * Rounds in a row after which a leader answering NOT_LEADER_OR_FOLLOWER for a partition
 * the metadata says it leads is said to disown it. A move of leadership clears in a round
 * or two (the next metadata names the new leader); seen once in CI after two brokers were
 * killed and restarted: a leader refusing so for minutes while everything ran.
 */
export const DISOWNED_AFTER = 10;
/** The canary's error text for that answer (error code 6), as lib/kafka/canary.ts writes it. */
const NOT_LEADER = kafkaErrorName(6);
/** Kafka's default broker.session.timeout.ms, when the cluster's own was not read. */
export const DEFAULT_SESSION_TIMEOUT_MS = 9_000;
/** Beyond fencing: the election, the metadata reaching the brokers, our next poll. */
export const FENCE_SLACK_MS = 5_000;

export interface DownBroker {
  id: number;
  /** Still registered (unfenced) in Kafka's metadata. */
  registered: boolean;
  downSince: number | null;
}

export interface CanaryInput {
  observation: CanaryObservation | null;
  prev: CanaryState | null;
  /** Kafka's view of the canary topic's partitions. */
  partitions: readonly PartitionState[];
  down: readonly DownBroker[];
  sessionTimeoutMs: number | null;
  quorumStatus: QuorumStatus;
  at: number;
}

/** When Kafka is expected to have fenced a broker that went down at `since`. */
export function fenceDeadline(since: number | null, sessionTimeoutMs: number | null, at: number): number {
  const session = sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
  // The controller may only learn of a new term after an election: allow two sessions.
  return (since ?? at) + 2 * session + FENCE_SLACK_MS;
}

export function canaryState(input: CanaryInput): CanaryState | null {
  const obs = input.observation;
  if (!obs) return null;
  if (obs.writes.length === 0) {
    return { topic: obs.topic, at: obs.at, status: "unknown", reason: obs.error ?? "no canary partitions", partitions: [] };
  }
  const byPartition = new Map(input.partitions.filter((p) => p.topic === obs.topic).map((p) => [p.partition, p]));
  const prevStreak = new Map((input.prev?.partitions ?? []).map((p) => [p.partition, p.failStreak]));
  // Rounds run beside the polls: a poll may see the same round again, which is no new failure.
  const sameRound = input.prev?.at === obs.at;
  const partitions = obs.writes.map((w): CanaryPartitionState => {
    const failStreak = w.ok ? 0 : (prevStreak.get(w.partition) ?? 0) + (sameRound ? 0 : 1);
    const explained = !w.ok && explains(input, byPartition.get(w.partition));
    return { ...w, failStreak, explained };
  });
  return { topic: obs.topic, at: obs.at, ...verdict(partitions, input), partitions };
}

/**
 * Kafka's reaction to a replica going down (fencing, the ISR shrink, the
 * election, writes already waiting in purgatory timing out) runs its course
 * within the fence deadline; until then a failed write to a partition with that
 * replica is the stall, not the cluster refusing writes.
 */
function explains(input: CanaryInput, p: PartitionState | undefined): boolean {
  if (input.quorumStatus === "electing") return true;
  return input.down.some(
    (d) =>
      input.at <= fenceDeadline(d.downSince, input.sessionTimeoutMs, input.at) &&
      (p === undefined ? d.registered : p.replicas.includes(d.id)),
  );
}

/** What the metadata and the leader disagree on, when they have for DISOWNED_AFTER rounds: "" otherwise. */
function disowned(failing: readonly CanaryPartitionState[]): string {
  const refused = failing.filter((p) => p.error === NOT_LEADER && p.leader >= 0 && p.failStreak >= DISOWNED_AFTER);
  if (refused.length === 0) return "";
  const leaders = [...new Set(refused.map((p) => p.leader))].sort((a, b) => a - b);
  const rounds = Math.max(...refused.map((p) => p.failStreak));
  const them = leaders.length === 1 ? `broker ${leaders[0]}` : `brokers ${listIds(leaders)}`;
  return ` (${them} refused ${refused.length === 1 ? "it" : "them"} ${rounds} rounds in a row although Kafka's metadata names ${leaders.length === 1 ? "it" : "them"} the leader)`;
}

function verdict(partitions: CanaryPartitionState[], input: CanaryInput): Pick<CanaryState, "status" | "reason"> {
  const failed = partitions.filter((p) => !p.ok);
  if (failed.length === 0) {
    const ms = partitions.map((p) => p.produceMs ?? 0).sort((a, b) => a - b);
    const median = ms[Math.floor(ms.length / 2)] ?? 0;
    return { status: "ok", reason: `${plural(partitions.length, "canary partition")} writable (median ${median.toFixed(1)} ms)` };
  }
  const brokers = listIds([...new Set(failed.map((p) => p.broker))].sort((a, b) => a - b));
  const firstError = failed[0]?.error ?? "write failed";
  const failing = failed.filter((p) => !p.explained && p.failStreak >= FAILING_AFTER);
  if (failing.length > 0) {
    return { status: "failing", reason: `canary writes failing (${brokers}'s partition${failed.length === 1 ? "" : "s"}): ${firstError}${disowned(failing)}` };
  }
  const waitingFor = input.down.filter((d) => d.registered).map((d) => d.id);
  if (failed.some((p) => p.explained)) {
    const why =
      input.quorumStatus === "electing"
        ? "until a controller is elected"
        : waitingFor.length > 0
          ? `until Kafka fences ${waitingFor.length === 1 ? "broker" : "brokers"} ${listIds(waitingFor)}`
          : "while Kafka shrinks the ISRs and moves the leaders";
    return { status: "stalled", reason: `writes stalled ${why} (${plural(failed.length, "canary partition")} not acknowledged)` };
  }
  return { status: "stalled", reason: `${plural(failed.length, "canary write")} failed once (${firstError}); watching` };
}
