// What a running drill shows while it runs, and what a stored report adds to
// the pure DrillReport. Plain data: the API returns it and the page draws it.
import type { DrillParams } from "./params";
import type { DrillReport } from "./report";
import type { SafetyReport, SafetyRun } from "./safety-report";
import type { SweepReport } from "./sweep-report";
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
  /** The safety comparison only: which run it is in and the runs so far. */
  safety?: { phase: string; runs: SafetyRun[] };
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

export type ReportKind = "drill" | "safety" | "session-sweep";
/** Every report the reports folder holds: drills, safety comparisons, session-timeout sweeps. */
export type AnyReport = StoredDrillReport | SafetyReport | SweepReport;

export const reportKindOf = (r: AnyReport): ReportKind => ("kind" in r && (r.kind === "safety" || r.kind === "session-sweep") ? r.kind : "drill");

export interface DrillReportSummary {
  id: string;
  kind: ReportKind;
  /** What ran: a drill's scenario, "safety" or "session-sweep". */
  scenario: DrillParams["scenario"] | "safety" | "session-sweep";
  startedAt: number;
  finishedAt: number;
  passed: boolean;
  cancelled: boolean;
  /** A drill's parameters; null for the other kinds. */
  params: DrillParams | null;
  targetBrokerId: number | null;
  lost: number | null;
  recoveryMs: number | null;
  degradationPct: number | null;
  baselineAcksPerSec: number | null;
  /** One line on what it showed, for the list. */
  headline: string;
}

export function summarize(r: AnyReport): DrillReportSummary {
  const base = { id: r.id, startedAt: r.startedAt, finishedAt: r.finishedAt, cancelled: false, params: null, targetBrokerId: null, recoveryMs: null, degradationPct: null, baselineAcksPerSec: null };
  if ("kind" in r && r.kind === "safety") {
    return { ...base, kind: "safety", scenario: "safety", passed: r.verdict.demonstrated, lost: r.verdict.unsafeLost, headline: r.verdict.summary };
  }
  if ("kind" in r && r.kind === "session-sweep") {
    const ok = r.points.length > 0 && r.points.every((p) => p.passed === true);
    const pts = r.points.map((p) => `${p.sessionTimeoutMs / 1000} s → ${p.recoveryMs === null ? "—" : `${(p.recoveryMs / 1000).toFixed(1)} s`}`).join(", ");
    return { ...base, kind: "session-sweep", scenario: "session-sweep", passed: ok, lost: r.points.reduce((n, p) => n + (p.lost ?? 0), 0), headline: `recovery by session timeout: ${pts}` };
  }
  const d = r as StoredDrillReport;
  return {
    id: d.id,
    kind: "drill",
    scenario: d.params.scenario ?? "single",
    startedAt: d.startedAt,
    finishedAt: d.finishedAt,
    passed: d.criteria.passed,
    cancelled: d.cancelled,
    params: d.params,
    targetBrokerId: d.targetBrokerId,
    lost: d.verify?.missing.count ?? null,
    recoveryMs: d.figures.recoveryMs,
    degradationPct: d.figures.degradationPct,
    baselineAcksPerSec: d.figures.baselineAcksPerSec,
    headline: `${d.params.scenario ?? "single"}: ${d.verify ? `${d.verify.missing.count} lost of ${d.verify.acked} acknowledged` : "not verified"}`,
  };
}
