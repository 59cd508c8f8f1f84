// Recovery against broker.session.timeout.ms: the local cluster restarted with
// each value, the same hard-kill drill run on each, the figures side by side.
// Shorter fences a dead broker sooner; too short fences one that is only slow
// (a GC pause, a busy disk) and moves its leaders for nothing.

export interface SweepPoint {
  sessionTimeoutMs: number;
  /** The drill report of this point (its own JSON in the same folder). */
  drillId: string | null;
  /** kill → gone from the other brokers' metadata. */
  fencedMs: number | null;
  /** kill → new leader elected (Kafka's part). */
  kafkaPartMs: number | null;
  /** new leader → first write on it (the client's part). */
  clientPartMs: number | null;
  /** kill → throughput back at ≥ 90 % of baseline. */
  recoveryMs: number | null;
  lost: number | null;
  passed: boolean | null;
  error: string | null;
}

export interface SweepReport {
  kind: "session-sweep";
  version: 1;
  id: string;
  startedAt: number;
  finishedAt: number;
  params: { valuesMs: number[]; rate: number; durationSec: number; killAtSec: number; restartAtSec: number };
  points: SweepPoint[];
  /** The value the cluster runs with again afterwards. */
  restoredTo: number;
  notes: string[];
}

/** Acceptable values: from a heartbeat (1 s) up to a minute. */
export const SWEEP_LIMITS = { min: 2000, max: 60_000, maxValues: 6 } as const;
