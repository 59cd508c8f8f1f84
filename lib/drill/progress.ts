// What a running drill shows while it runs, and what a stored report adds to
// the pure DrillReport. Plain data: the API returns it and the page draws it.
import type { DrillParams } from "./params";
import type { DrillReport } from "./report";
import type { SecondPoint } from "./series";
import type { StepRecord } from "./steps";

export const DRILL_PHASES = ["starting", "running", "draining", "restoring", "verifying", "done", "cancelled", "failed"] as const;
export type DrillPhase = (typeof DRILL_PHASES)[number];

/** A drill-topic partition whose leader changed between two samples. */
export interface LeaderMove {
  t: number;
  partition: number;
  from: number;
  to: number;
}

export interface DrillProgress {
  id: string;
  params: DrillParams;
  phase: DrillPhase;
  startedAt: number | null;
  /** Seconds of traffic so far. */
  elapsedSec: number;
  targetBrokerId: number | null;
  killedAt: number | null;
  restartedAt: number | null;
  generated: number;
  acked: number;
  /** Record-attempts that failed (a batch counts once per failed attempt). */
  errors: number;
  /** Records sent again after a failed attempt. */
  retries: number;
  /** Not generated because their partition's backlog was full. */
  skipped: number;
  /** Given up after the drain deadline. */
  abandoned: number;
  pending: number;
  urp: number | null;
  series: SecondPoint[];
  leaderMoves: LeaderMove[];
  /** The scenario's steps once planned (at kill-at): done ones with their times, the rest still to come. */
  steps: StepRecord[];
  /** The active KRaft controller as last sampled. */
  controllerId: number | null;
  notes: string[];
  error: string | null;
}

/** The JSON file: the pure report plus what only the runner knows. */
export interface StoredDrillReport extends DrillReport {
  producerIds: string[];
  lanes: number;
  cancelled: boolean;
  leaderMoves: LeaderMove[];
  counts: { generated: number; skipped: number; abandoned: number };
  /** Only on test runs with deliberately broken delivery: what was broken on purpose. */
  sabotage?: { duplicatesSent: number; liesTold: number };
}

export interface DrillReportSummary {
  id: string;
  scenario: DrillParams["scenario"];
  startedAt: number;
  finishedAt: number;
  passed: boolean;
  cancelled: boolean;
  params: DrillParams;
  targetBrokerId: number | null;
  lost: number | null;
  recoveryMs: number | null;
  degradationPct: number | null;
  baselineAcksPerSec: number | null;
}

export function summarize(r: StoredDrillReport): DrillReportSummary {
  return {
    id: r.id,
    scenario: r.params.scenario ?? "single",
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    passed: r.criteria.passed,
    cancelled: r.cancelled,
    params: r.params,
    targetBrokerId: r.targetBrokerId,
    lost: r.verify?.missing.count ?? null,
    recoveryMs: r.figures.recoveryMs,
    degradationPct: r.figures.degradationPct,
    baselineAcksPerSec: r.figures.baselineAcksPerSec,
  };
}
