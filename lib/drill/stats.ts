// The drill's figures from what the producer and the monitor recorded over
// time. Everything is computed from raw timestamped samples against the real
// kill/restart instants (not whole-second buckets), so a kill at 20.4 s is not
// blurred into the second before it. Time is always passed in.
import { WARMUP_SEC } from "./params";
import { ratePerSec, type DrillTimeline } from "./series";

export { evaluateCriteria } from "./criteria";

export const RECOVERY_THRESHOLD = 0.9;
export const RECOVERY_SUSTAIN_SEC = 3;
const STEP_MS = 100;

/**
 * Time from the kill until the rolling 1-s ack rate is back at ≥ 90 % of the
 * baseline and holds for 3 s. Rolling windows slide in 100 ms steps; the time
 * is taken at the end of the first good window (the moment it is known). If the
 * rate never dropped before the restart, the kill cost nothing: 0. Null when it
 * never came back, or when there is no baseline to compare with.
 */
export function recoveryMs(tl: DrillTimeline, baseline: number | null): number | null {
  if (tl.killedAt === null || baseline === null || !(baseline > 0)) return null;
  const kill = tl.killedAt;
  const steps = Math.floor((tl.finishedAt - kill) / STEP_MS);
  const prefix = new Float64Array(steps + 1);
  for (const s of tl.acks) {
    const i = Math.floor((s.t - kill) / STEP_MS);
    if (i >= 0 && i < steps) prefix[i + 1]! += s.count;
  }
  for (let i = 1; i <= steps; i++) prefix[i]! += prefix[i - 1]!;
  const per = 1000 / STEP_MS;
  const threshold = RECOVERY_THRESHOLD * baseline;
  /** Is the 1-s window ending `end` steps after the kill good? */
  const good = (end: number) => end <= steps && prefix[end]! - prefix[end - per]! >= threshold;
  const dipUntil = Math.floor(((tl.restartedAt ?? tl.finishedAt) - kill) / STEP_MS);
  let dip = -1;
  for (let end = per; end <= Math.min(steps, dipUntil); end++) if (!good(end)) { dip = end; break; }
  if (dip === -1) return 0;
  for (let end = dip; end + (RECOVERY_SUSTAIN_SEC - 1) * per <= steps; end++) {
    let held = true;
    for (let k = 0; k < RECOVERY_SUSTAIN_SEC && held; k++) held = good(end + k * per);
    if (held) return end * STEP_MS;
  }
  return null;
}

export interface FirstWrite {
  partition: number;
  /** ms from the kill to the first acknowledged write; null if none came. */
  ms: number | null;
}

/**
 * Per moved partition, how long it took a new leader to take a write. An ack from
 * the broker that went down does not count: it was for a batch already in flight.
 */
export function firstWritesAfterKill(tl: DrillTimeline): FirstWrite[] {
  const kill = tl.killedAt;
  const target = tl.movedFrom ?? null;
  return (tl.movedPartitions ?? []).map((partition) => {
    let first = Infinity;
    if (kill !== null) {
      for (const a of tl.partitionAcks ?? []) {
        if (a.partition === partition && a.t >= kill && a.t < first && (target === null || a.broker == null || a.broker !== target)) first = a.t;
      }
    }
    return { partition, ms: kill === null || first === Infinity ? null : first - kill };
  });
}

/**
 * ms from the restart until URP is 0 and stays 0 to the end of the readings.
 * "Stays" matters: right after a restart the old reading can still be 0 before
 * the controller notices the broker, so the last return to 0 is what counts.
 */
export function urpClearedAfterRestartMs(tl: DrillTimeline): number | null {
  if (tl.restartedAt === null) return null;
  const after = tl.urp.filter((s) => s.t >= tl.restartedAt!).sort((a, b) => a.t - b.t);
  let cleared: number | null = null;
  for (const s of after) {
    if (s.value > 0) cleared = null;
    else cleared ??= s.t;
  }
  return cleared === null ? null : cleared - tl.restartedAt;
}

export interface DrillFigures {
  /** Mean acks/s from the end of the warm-up to the kill (to the end when nothing was killed). */
  baselineAcksPerSec: number | null;
  /** Mean acks/s from the kill to the restart (to the end when there was none). */
  outageAcksPerSec: number | null;
  /** (1 − outage / baseline) × 100, clamped to 0..100; null without a baseline. */
  degradationPct: number | null;
  /** Slowest of the moved partitions; null when one never took a write or none moved. */
  firstWriteAfterKillMs: number | null;
  firstWrites: FirstWrite[];
  recoveryMs: number | null;
  urpClearedAfterRestartMs: number | null;
  peakUrp: number;
  totalAcks: number;
  totalErrors: number;
  totalRetries: number;
}

const total = (samples: readonly { count: number }[] = []) => samples.reduce((s, x) => s + x.count, 0);

export function computeDrillFigures(tl: DrillTimeline): DrillFigures {
  const baseline = ratePerSec(tl.acks, tl.startedAt + WARMUP_SEC * 1000, tl.killedAt ?? tl.finishedAt);
  const outage = tl.killedAt === null ? null : ratePerSec(tl.acks, tl.killedAt, tl.restartedAt ?? tl.finishedAt);
  const degradation =
    baseline !== null && baseline > 0 && outage !== null
      ? Math.min(100, Math.max(0, (1 - outage / baseline) * 100))
      : null;
  const firstWrites = firstWritesAfterKill(tl);
  const writeTimes = firstWrites.map((w) => w.ms);
  return {
    baselineAcksPerSec: baseline,
    outageAcksPerSec: outage,
    degradationPct: degradation,
    firstWriteAfterKillMs:
      writeTimes.length > 0 && writeTimes.every((ms) => ms !== null) ? Math.max(...(writeTimes as number[])) : null,
    firstWrites,
    recoveryMs: recoveryMs(tl, baseline),
    urpClearedAfterRestartMs: urpClearedAfterRestartMs(tl),
    peakUrp: tl.urp.reduce((m, s) => Math.max(m, s.value), 0),
    totalAcks: total(tl.acks),
    totalErrors: total(tl.errors),
    totalRetries: total(tl.retries),
  };
}
