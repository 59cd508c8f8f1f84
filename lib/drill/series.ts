// Timestamped samples as the drill runner records them, and the per-second
// series the charts draw. Samples are epoch ms and may arrive in any order.

/** `count` events (acks, errors, retries) observed at `t` (epoch ms). */
export interface CountSample { t: number; count: number }
/** A failed attempt: `count` records, and why (the producer's words). */
export interface ErrorSample extends CountSample { reason?: string }
/** A gauge reading (under-replicated partitions) at `t`. */
export interface GaugeSample { t: number; value: number }
/** A successful write to `partition` at `t`, acknowledged by `broker` (null: not known). */
export interface PartitionAck { partition: number; t: number; broker?: number | null }

export interface DrillTimeline {
  startedAt: number;
  finishedAt: number;
  killedAt: number | null;
  restartedAt: number | null;
  acks: readonly CountSample[];
  errors: readonly ErrorSample[];
  retries?: readonly CountSample[];
  urp: readonly GaugeSample[];
  partitionAcks?: readonly PartitionAck[];
  /** Partitions of the drill topic whose leader was the broker that went down. */
  movedPartitions?: readonly number[];
  /** The broker the moved partitions left: a write it acknowledged after the kill was already in flight. */
  movedFrom?: number | null;
}

export interface SecondPoint {
  /** Seconds since the start. */
  t: number;
  acks: number;
  errors: number;
  retries: number;
  /** Highest URP seen in the second, carried forward when unsampled; null before the first reading. */
  urp: number | null;
}

/** One point per second of the drill, for the charts. */
export function perSecondSeries(tl: DrillTimeline): SecondPoint[] {
  const n = Math.max(1, Math.ceil((tl.finishedAt - tl.startedAt) / 1000));
  const points: SecondPoint[] = Array.from({ length: n }, (_, t) => ({ t, acks: 0, errors: 0, retries: 0, urp: null }));
  const slot = (t: number) => (t < tl.startedAt || t > tl.finishedAt ? undefined : points[Math.min(n - 1, Math.floor((t - tl.startedAt) / 1000))]);
  for (const s of tl.acks) { const p = slot(s.t); if (p) p.acks += s.count; }
  for (const s of tl.errors) { const p = slot(s.t); if (p) p.errors += s.count; }
  for (const s of tl.retries ?? []) { const p = slot(s.t); if (p) p.retries += s.count; }
  for (const s of tl.urp) { const p = slot(s.t); if (p) p.urp = Math.max(p.urp ?? 0, s.value); }
  const sampled = new Set(tl.urp.map((s) => slot(s.t)));
  let last: number | null = null;
  for (const p of points) {
    if (sampled.has(p)) last = p.urp;
    else p.urp = last;
  }
  return points;
}

/** Mean events per second in [from, to); null for an empty window. */
export function ratePerSec(samples: readonly CountSample[], from: number, to: number): number | null {
  if (!(to > from)) return null;
  let sum = 0;
  for (const s of samples) if (s.t >= from && s.t < to) sum += s.count;
  return sum / ((to - from) / 1000);
}
