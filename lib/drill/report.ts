// The drill report: everything one run measured, as one plain JSON-able object
// (written to disk, served to the UI, printed by the CLI), and its text form.
import { evaluateCriteria, type CriteriaResult } from "./criteria";
import type { DrillParams } from "./params";
import { perSecondSeries, type DrillTimeline, type SecondPoint } from "./series";
import { computeDrillFigures, type DrillFigures } from "./stats";
import type { VerifyResult } from "./verify";

export const REPORT_VERSION = 1;

export interface DrillReport {
  version: typeof REPORT_VERSION;
  id: string;
  params: DrillParams;
  /** The broker actually broken ("auto"/"controller" resolved); null if none was. */
  targetBrokerId: number | null;
  startedAt: number;
  finishedAt: number;
  killedAt: number | null;
  restartedAt: number | null;
  movedPartitions: number[];
  figures: DrillFigures;
  /** null when the verifier could not run. */
  verify: VerifyResult | null;
  series: SecondPoint[];
  /** Seconds since the start, to draw on the series. */
  marks: { killSec: number | null; restartSec: number | null };
  criteria: CriteriaResult;
  /** What went wrong along the way (a failed restart, a verifier timeout), for the operator. */
  notes: string[];
}

export interface BuildReportInput extends DrillTimeline {
  id: string;
  params: DrillParams;
  targetBrokerId: number | null;
  verify: VerifyResult | null;
  notes?: string[];
}

export function buildDrillReport(input: BuildReportInput): DrillReport {
  const figures = computeDrillFigures(input);
  const sec = (t: number | null) => (t === null ? null : (t - input.startedAt) / 1000);
  return {
    version: REPORT_VERSION,
    id: input.id,
    params: input.params,
    targetBrokerId: input.targetBrokerId,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    killedAt: input.killedAt,
    restartedAt: input.restartedAt,
    movedPartitions: [...(input.movedPartitions ?? [])],
    figures,
    verify: input.verify,
    series: perSecondSeries(input),
    marks: { killSec: sec(input.killedAt), restartSec: sec(input.restartedAt) },
    criteria: evaluateCriteria({ figures, verify: input.verify }),
    notes: input.notes ?? [],
  };
}

const int = (n: number) => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const orNa = <T>(v: T | null, f: (v: T) => string, why = "n/a") => (v === null ? why : f(v));
const row = (label: string, value: string) => `  ${label.padEnd(28)}${value}`;
const iso = (t: number) => new Date(t).toISOString();

function verifyLines(v: VerifyResult | null): string[] {
  if (!v) return ["  verifier did not run: data loss is unproven"];
  const sample = (items: { producerId: string; seq: number }[]) =>
    items.length === 0 ? "" : `  e.g. ${items.slice(0, 5).map((x) => `${x.producerId}#${x.seq}`).join(", ")}`;
  return [
    row("acknowledged", int(v.acked)),
    row("consumed", `${int(v.consumed)}${v.rereads > 0 ? ` (${int(v.rereads)} re-reads)` : ""}`),
    row("missing (data loss)", int(v.missing.count) + sample(v.missing.sample)),
    row("duplicates", int(v.duplicates.count) + sample(v.duplicates.sample)),
    row("out of order (per key)", int(v.outOfOrder.count) + sample(v.outOfOrder.sample)),
    row("unacked but present", int(v.unackedPresent)),
    ...(v.keyMismatches > 0 ? [row("key mismatches", int(v.keyMismatches))] : []),
    ...(v.undecodable > 0 ? [row("undecodable", int(v.undecodable))] : []),
    ...(v.foreign > 0 ? [row("other runs' records", `${int(v.foreign)} (ignored)`)] : []),
  ];
}

/** A readable multi-line summary for the CLI. */
export function formatReport(r: DrillReport): string {
  const { params: p, figures: f } = r;
  const verdict = r.criteria.passed ? "PASSED" : "FAILED";
  const moved = r.movedPartitions.length > 0 ? ` (partitions ${r.movedPartitions.join(", ")})` : "";
  const noBaseline = f.baselineAcksPerSec === null || f.baselineAcksPerSec <= 0;
  const unmeasured = r.killedAt === null ? "n/a (no kill)" : noBaseline ? "n/a (no baseline traffic)" : "never";
  const lines = [
    `Black Friday drill ${r.id}: ${verdict}`,
    row("target", `${r.targetBrokerId === null ? "no broker" : `broker ${r.targetBrokerId}`} (${p.mode} at ${p.killAtSec} s${p.restartAtSec === undefined ? ", no restart" : `, restart at ${p.restartAtSec} s`})`),
    row("traffic", `${int(p.rate)} events/s for ${p.durationSec} s, ${p.recordBytes}-byte records, topic ${p.topic}`),
    row("ran", `${iso(r.startedAt)} → ${iso(r.finishedAt)} (${secs(r.finishedAt - r.startedAt)})`),
    "",
    "Throughput",
    row("baseline", orNa(f.baselineAcksPerSec, (v) => `${int(v)} acks/s`)),
    row("during the outage", orNa(f.outageAcksPerSec, (v) => `${int(v)} acks/s`)),
    row("degradation", orNa(f.degradationPct, (v) => `${v.toFixed(1)} %`, unmeasured)),
    row("first write after kill", r.movedPartitions.length === 0 ? "n/a (no partition moved)" : orNa(f.firstWriteAfterKillMs, secs, "never") + moved),
    row("back to >= 90 % baseline", orNa(f.recoveryMs, (v) => `${secs(v)} after the kill`, unmeasured)),
    row("URP back to 0", orNa(f.urpClearedAfterRestartMs, (v) => `${secs(v)} after the restart`, r.restartedAt === null ? "n/a (no restart)" : "never")),
    row("peak URP", int(f.peakUrp)),
    row("acks / errors / retries", `${int(f.totalAcks)} / ${int(f.totalErrors)} / ${int(f.totalRetries)}`),
    "",
    "Verification",
    ...verifyLines(r.verify),
    "",
    "Criteria",
    ...r.criteria.checks.map(
      (c) => `  ${c.passed ? "PASS" : "FAIL"} ${c.name.padEnd(24)}${c.value === null ? "not measured" : `${+c.value.toFixed(1)} ${c.unit}`} (must be ${c.rule === "=" ? "" : "< "}${c.limit}${c.rule === "=" ? "" : ` ${c.unit}`})`,
    ),
    ...(r.notes.length > 0 ? ["", "Notes", ...r.notes.map((n) => `  - ${n}`)] : []),
    "",
    `Result: ${verdict}`,
  ];
  return lines.join("\n");
}
