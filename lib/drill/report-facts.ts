// A report's parameters, criteria and key figures as flat, keyed facts: what
// the kept document prints and what the comparison lines up. A figure a kind
// (or an old version) does not measure is absent; one it measured as nothing
// is null. Keys mean the same across kinds, so different kinds compare on
// exactly what they share.
import { ruleText } from "./criteria";
import { reportKindOf, type AnyReport, type ReportKind, type StoredDrillReport } from "./progress";
import { safetyFacts, sweepFacts } from "./report-facts-kinds";
import { int, utc, type FigureUnit } from "./report-format";
import type { SafetyReport } from "./safety-report";
import type { StepReport } from "./steps";
import type { SweepReport } from "./sweep-report";

export type { FigureUnit };

export interface ParamFact {
  key: string;
  label: string;
  value: string;
}

export interface FigureFact {
  key: string;
  label: string;
  value: number | null;
  unit: FigureUnit;
  /** Which way is better, when there is one. */
  better: "lower" | "higher" | null;
  /** Where the value comes from when the label alone would mislead ("the safe run"). */
  note?: string;
}

export interface CriterionFact {
  name: string;
  passed: boolean;
  measured: string;
  rule: string;
}

export interface ReportFacts {
  id: string;
  kind: ReportKind;
  kindLabel: string;
  verdict: string;
  startedAt: number;
  params: ParamFact[];
  criteria: CriterionFact[];
  figures: FigureFact[];
  /** What this report cannot show, each to follow "A is " (a version-1 report has no steps). */
  gaps: string[];
}

export const KIND_LABEL: Record<ReportKind, string> = { drill: "Black Friday drill", safety: "safety comparison", "session-sweep": "session-timeout sweep" };

export function drillVerdict(r: Pick<StoredDrillReport, "cancelled" | "criteria">): string {
  return r.cancelled ? "CANCELLED" : r.criteria.passed ? "PASSED" : "FAILED";
}

/** The first step that moved leaders: its failover split into Kafka's part and the client's. Null for a version-1 report. */
export function firstFailover(r: Pick<StoredDrillReport, "steps">): StepReport | null {
  return r.steps?.find((s) => s.kind !== "restore" && s.failover.length > 0) ?? r.steps?.find((s) => s.kind !== "restore") ?? null;
}

function targetText(r: StoredDrillReport): string {
  if ((r.params.scenario ?? "single") === "rolling-restart") return "every broker in turn";
  return r.targetBrokerId === null ? "no broker" : `broker ${r.targetBrokerId}`;
}

export function drillParamRows(r: StoredDrillReport): ParamFact[] {
  const p = r.params;
  return [
    { key: "scenario", label: "scenario", value: p.scenario ?? "single" },
    { key: "mode", label: "fault", value: p.mode + (p.delayMs !== undefined ? ` (+${p.delayMs} ms)` : "") },
    { key: "target", label: "broker broken", value: `${targetText(r)} (asked: ${p.broker})` },
    { key: "rate", label: "rate", value: `${int(p.rate)} events/s` },
    { key: "durationSec", label: "duration", value: `${p.durationSec} s` },
    { key: "recordBytes", label: "record size", value: `${p.recordBytes} bytes` },
    { key: "killAtSec", label: "break at", value: `${p.killAtSec} s` },
    { key: "restartAtSec", label: "restart at", value: p.restartAtSec === undefined ? "never" : `${p.restartAtSec} s` },
    ...(p.secondAtSec !== undefined ? [{ key: "secondAtSec", label: "second break at", value: `${p.secondAtSec} s` }] : []),
    { key: "topic", label: "topic", value: p.topic },
    { key: "startedAt", label: "started", value: utc(r.startedAt) },
    { key: "version", label: "report version", value: String(r.version) },
  ];
}

function drillFigures(r: StoredDrillReport): FigureFact[] {
  const f = r.figures;
  const v = r.verify;
  const out: FigureFact[] = [
    { key: "baseline", label: "baseline throughput", value: f.baselineAcksPerSec, unit: "acks/s", better: "higher" },
    { key: "outage", label: "throughput during the outage", value: f.outageAcksPerSec, unit: "acks/s", better: "higher" },
    { key: "degradation", label: "degradation", value: f.degradationPct, unit: "%", better: "lower" },
    { key: "recovery", label: "recovery (back to ≥ 90 % of baseline)", value: f.recoveryMs, unit: "ms", better: "lower" },
    { key: "firstWrite", label: "first write on the moved partitions", value: f.firstWriteAfterKillMs, unit: "ms", better: "lower" },
  ];
  const first = firstFailover(r);
  if (r.steps) {
    out.push(
      { key: "fenced", label: "first break: fenced", value: first?.fencedMs ?? null, unit: "ms", better: "lower" },
      { key: "kafkaPart", label: "first failover: Kafka's part", value: first?.kafkaPartMs ?? null, unit: "ms", better: "lower" },
      { key: "clientPart", label: "first failover: the client's part", value: first?.clientPartMs ?? null, unit: "ms", better: "lower" },
    );
  }
  out.push(
    { key: "urpCleared", label: "URP back to 0 after the restart", value: f.urpClearedAfterRestartMs, unit: "ms", better: "lower" },
    { key: "peakUrp", label: "peak URP", value: f.peakUrp, unit: "count", better: null },
    { key: "acked", label: "acknowledged", value: v?.acked ?? null, unit: "records", better: null },
    { key: "lost", label: "lost (acknowledged, never read back)", value: v?.missing.count ?? null, unit: "records", better: "lower" },
    { key: "duplicates", label: "duplicates", value: v?.duplicates.count ?? null, unit: "records", better: "lower" },
    { key: "outOfOrder", label: "out of order (per key)", value: v?.outOfOrder.count ?? null, unit: "records", better: "lower" },
    { key: "failedAttempts", label: "failed write attempts", value: f.totalErrors, unit: "count", better: null },
  );
  return out;
}

function drillFacts(r: StoredDrillReport): ReportFacts {
  return {
    id: r.id,
    kind: "drill",
    kindLabel: KIND_LABEL.drill,
    verdict: drillVerdict(r),
    startedAt: r.startedAt,
    params: drillParamRows(r),
    criteria: r.criteria.checks.map((c) => ({ name: c.name, passed: c.passed, measured: c.value === null ? "not measured" : `${+c.value.toFixed(1)} ${c.unit}`, rule: ruleText(c) })),
    figures: drillFigures(r),
    gaps: r.steps ? [] : ["a version-1 report (written before scenarios had steps): it has no fencing time, no Kafka's part or client's part of the failover"],
  };
}

export function reportFacts(r: AnyReport): ReportFacts {
  const kind = reportKindOf(r);
  if (kind === "safety") return safetyFacts(r as SafetyReport);
  if (kind === "session-sweep") return sweepFacts(r as SweepReport);
  return drillFacts(r as StoredDrillReport);
}
