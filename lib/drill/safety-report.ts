// The safety comparison ("what if we hadn't"): the same fault sequence run twice
// on scratch topics, once with the unsafe settings (acks=1, min ISR 1, unclean
// election) and once with the cluster's safe ones (acks=all + idempotence, min
// ISR 2, no unclean election), each read back by an independent consumer. The
// report is plain data; the verdict is pure.

export type SafetySettings = "unsafe" | "safe";

export interface SafetyWrites {
  /** before: all replicas up; frozen: both followers frozen; after: once a new leader took over. */
  phase: "before" | "frozen" | "after";
  attempted: number;
  acked: number;
  failedAttempts: number;
  /** The most frequent failure, in the producer's words. */
  firstError: string | null;
}

export interface SafetyStep {
  label: string;
  /** ms from the run's start. */
  atMs: number;
  ok: boolean;
  detail?: string;
}

export interface SafetyRun {
  settings: SafetySettings;
  topic: string;
  /** The id every record of this run carries (with its sequence number): `<producerId>#<seq>`. */
  producerId: string;
  producer: { acks: -1 | 1; idempotent: boolean };
  topicConfig: { minInsyncReplicas: number; uncleanLeaderElection: boolean };
  leaderBefore: number | null;
  followers: number[];
  leaderAfter: number | null;
  /** The leader's kill → a new leader in the metadata. */
  electedAfterMs: number | null;
  steps: SafetyStep[];
  writes: SafetyWrites[];
  /** null when the read-back could not run. */
  readBack: { acked: number; found: number; lost: { count: number; ids: string[] }; unackedPresent: number } | null;
  error: string | null;
}

export interface SafetyReport {
  kind: "safety";
  version: 1;
  id: string;
  startedAt: number;
  finishedAt: number;
  params: { recordsWhileFrozen: number; recordBytes: number };
  runs: SafetyRun[];
  verdict: SafetyVerdict;
  /** What was put back afterwards. */
  restored: { topicsDeleted: string[]; brokersRunning: boolean; brokerConfigUnchanged: boolean | null };
  notes: string[];
}

export interface SafetyVerdict {
  unsafeLost: number | null;
  safeLost: number | null;
  /** The demonstration holds: the unsafe run lost acknowledged records, the safe one none. */
  demonstrated: boolean;
  summary: string;
}

const lostOf = (run: SafetyRun | undefined) => (run?.readBack ? run.readBack.lost.count : null);

export function safetyVerdict(runs: readonly SafetyRun[]): SafetyVerdict {
  const unsafe = runs.find((r) => r.settings === "unsafe");
  const safe = runs.find((r) => r.settings === "safe");
  const unsafeLost = lostOf(unsafe);
  const safeLost = lostOf(safe);
  const demonstrated = unsafeLost !== null && unsafeLost > 0 && safeLost === 0;
  let summary: string;
  if (unsafeLost === null || safeLost === null) summary = `not proven: ${unsafeLost === null ? "the unsafe" : "the safe"} run could not be read back`;
  else if (safeLost > 0) summary = `the safe settings lost ${safeLost} acknowledged record${safeLost === 1 ? "" : "s"}: that is a bug, not a demonstration`;
  else if (unsafeLost === 0) summary = "the unsafe run lost nothing this time: the fault sequence did not hit the window (see its steps)";
  else {
    const acked = unsafe?.readBack?.acked ?? 0;
    summary = `with acks=1, min ISR 1 and unclean election, ${unsafeLost} of ${acked} acknowledged records were lost; with the safe settings 0 of ${safe?.readBack?.acked ?? 0}`;
  }
  return { unsafeLost, safeLost, demonstrated, summary };
}
