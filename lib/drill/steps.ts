// What each step of a scenario did and what it cost, from the runner's records
// and the samples taken around it. Pure: times are epoch ms, passed in.
//  - Kafka's part of a failover: step → the new leader appears in the metadata
//    (fencing and election); the client's part: new leader → first write it took.
//  - A window runs from a step to the next one (or the end of the traffic): its
//    acks/s, failed attempts and their most frequent reasons.
import type { ControllerSample, RegisteredSample } from "./sampler";
import type { PlannedStep } from "./scenarios";
import type { CountSample, ErrorSample, PartitionAck } from "./series";
import type { LeaderMove } from "./progress";

export interface StepRecord extends PlannedStep {
  /** When the action was sent, and when it returned; null when it never ran. */
  startedAt: number | null;
  doneAt: number | null;
  error: string | null;
  /** Partitions of the drill topic the broker led when the step began. */
  movedPartitions: number[];
  /** restart / restore: when it was registered and in every ISR again (as the sampler saw it). */
  backInIsrAt: number | null;
}

export interface PartitionFailover {
  partition: number;
  /** step → a new leader in the metadata (Kafka's part); null if none came. */
  electedMs: number | null;
  /** step → first write acknowledged by a broker other than the step's. */
  firstWriteMs: number | null;
  /** firstWrite − elected: the client's part. */
  clientMs: number | null;
}

export interface ErrorReason {
  reason: string;
  count: number;
}

export interface StepWindow {
  fromSec: number;
  toSec: number;
  acksPerSec: number | null;
  failedAttempts: number;
  reasons: ErrorReason[];
}

export interface StepReport extends StepRecord {
  /** Seconds from the drill's start when it began. */
  atActualSec: number | null;
  actionMs: number | null;
  /** step → gone from the other brokers' metadata (fenced or shut down); breaks only. */
  fencedMs: number | null;
  failover: PartitionFailover[];
  kafkaPartMs: number | null;
  clientPartMs: number | null;
  /** step → another broker is the active controller (when this broker was it). */
  newControllerMs: number | null;
  backInIsrMs: number | null;
  window: StepWindow;
}

export interface StepInputs {
  startedAt: number;
  /** End of the traffic window of the last step. */
  finishedAt: number;
  acks: readonly CountSample[];
  errors: readonly ErrorSample[];
  partitionAcks: readonly PartitionAck[];
  moves: readonly LeaderMove[];
  registered: readonly RegisteredSample[];
  controllers: readonly ControllerSample[];
}

/** "broker 2: leader of partition 3 moved …" → "broker 2: leader of partition N moved …", so like reasons count together. */
export const reasonKey = (reason: string) => reason.replace(/\bpartition \d+/g, "partition N").slice(0, 200);

export function topReasons(errors: readonly ErrorSample[], from: number, to: number, limit = 5): ErrorReason[] {
  const counts = new Map<string, number>();
  for (const e of errors) if (e.t >= from && e.t < to) counts.set(reasonKey(e.reason ?? "unknown"), (counts.get(reasonKey(e.reason ?? "unknown")) ?? 0) + e.count);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)).slice(0, limit);
}

const maxOrNull = (xs: (number | null)[]) => (xs.length > 0 && xs.every((x) => x !== null) ? Math.max(...(xs as number[])) : null);

function failoverOf(step: StepRecord, start: number, inp: StepInputs): PartitionFailover[] {
  return step.movedPartitions.map((partition) => {
    const move = inp.moves.find((m) => m.partition === partition && m.t >= start && m.from === step.brokerId && m.to >= 0 && m.to !== step.brokerId);
    let write: number | null = null;
    for (const a of inp.partitionAcks) {
      if (a.partition === partition && a.t >= start && a.broker != null && a.broker !== step.brokerId && (write === null || a.t < write)) write = a.t;
    }
    const electedMs = move ? move.t - start : null;
    const firstWriteMs = write === null ? null : write - start;
    return { partition, electedMs, firstWriteMs, clientMs: electedMs === null || firstWriteMs === null ? null : Math.max(0, firstWriteMs - electedMs) };
  });
}

export function stepReports(steps: readonly StepRecord[], inp: StepInputs): StepReport[] {
  return steps.map((step, i) => {
    const start = step.startedAt;
    const next = steps.slice(i + 1).find((s) => s.startedAt !== null)?.startedAt ?? inp.finishedAt;
    const from = start ?? next;
    let acks = 0;
    let failed = 0;
    for (const a of inp.acks) if (a.t >= from && a.t < next) acks += a.count;
    for (const e of inp.errors) if (e.t >= from && e.t < next) failed += e.count;
    const failover = start === null || step.kind === "restore" ? [] : failoverOf(step, start, inp);
    const wasController = start !== null && inp.controllers.filter((c) => c.t <= start).at(-1)?.id === step.brokerId;
    const newController = wasController ? inp.controllers.find((c) => c.t >= start! && c.id !== null && c.id !== step.brokerId) : undefined;
    const gone = start === null || step.kind === "restore" ? undefined : inp.registered.find((r) => r.t >= start && !r.ids.includes(step.brokerId));
    return {
      ...step,
      atActualSec: start === null ? null : (start - inp.startedAt) / 1000,
      actionMs: start === null || step.doneAt === null ? null : step.doneAt - start,
      fencedMs: gone ? gone.t - start! : null,
      failover,
      kafkaPartMs: maxOrNull(failover.map((f) => f.electedMs)),
      clientPartMs: maxOrNull(failover.map((f) => f.clientMs)),
      newControllerMs: newController ? newController.t - start! : null,
      backInIsrMs: start === null || step.backInIsrAt === null ? null : step.backInIsrAt - start,
      window: {
        fromSec: (from - inp.startedAt) / 1000,
        toSec: (next - inp.startedAt) / 1000,
        acksPerSec: next > from ? acks / ((next - from) / 1000) : null,
        failedAttempts: failed,
        reasons: topReasons(inp.errors, from, next),
      },
    };
  });
}
