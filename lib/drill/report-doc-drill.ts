// A drill report as a document: parameters, criteria, figures, the per-step
// table (version 2), verification, charts, notes. A version-1 report has no
// steps and no controller changes: it says so instead of showing empty tables.
import { ruleText } from "./criteria";
import type { StoredDrillReport } from "./progress";
import { throughputSvg, urpSvg } from "./report-charts";
import { list, paragraph, section, table, type DocSection, type ReportDoc } from "./report-doc";
import { drillParamRows, drillVerdict, firstFailover } from "./report-facts";
import { int, pct, plural, rate, secs, secsOr, utc } from "./report-format";
import type { StepReport } from "./steps";
import type { VerifyResult } from "./verify";

function criteriaSection(r: StoredDrillReport): DocSection {
  const failed = r.criteria.checks.filter((c) => !c.passed).length;
  return section(
    "Criteria",
    paragraph(failed === 0 ? "Every criterion holds." : `${failed} of ${r.criteria.checks.length} criteria failed.`),
    table(
      ["result", "criterion", "measured", "rule"],
      r.criteria.checks.map((c) => [c.passed ? "PASS" : "FAIL", c.name, c.value === null ? "not measured" : `${+c.value.toFixed(1)} ${c.unit}`, ruleText(c)]),
    ),
  );
}

function figuresSection(r: StoredDrillReport): DocSection {
  const f = r.figures;
  const noKill = r.killedAt === null ? "no break" : "never";
  const first = firstFailover(r);
  const moved = r.movedPartitions.length === 0 ? "no partition moved" : `${secsOr(f.firstWriteAfterKillMs, "never")} (partitions ${r.movedPartitions.join(", ")})`;
  const rows: string[][] = [
    ["baseline", rate(f.baselineAcksPerSec)],
    ["during the outage", rate(f.outageAcksPerSec, noKill)],
    ["degradation", pct(f.degradationPct, noKill)],
    ["first write on the moved partitions, after the break", moved],
    ["back to ≥ 90 % of baseline, after the break", secsOr(f.recoveryMs, noKill)],
    ["URP back to 0, after the restart", r.restartedAt === null ? "no restart" : secsOr(f.urpClearedAfterRestartMs, "never")],
    ["peak URP", int(f.peakUrp)],
    ["acks / failed attempts / retries", `${int(f.totalAcks)} / ${int(f.totalErrors)} / ${int(f.totalRetries)}`],
    ["leader moves (drill topic)", int(r.leaderMoves?.length ?? 0)],
  ];
  if (first) rows.push(["first failover: Kafka's part (break → new leader)", secsOr(first.kafkaPartMs, "no new leader")], ["first failover: the client's part (new leader → its first write)", secsOr(first.clientPartMs)]);
  return section("Figures", table(["figure", "value"], rows, [false, true]));
}

function stepRow(s: StepReport): string[] {
  const why = [s.error ? `failed: ${s.error}` : null, ...s.window.reasons.slice(0, 3).map((x) => `${int(x.count)} × ${x.reason}`)].filter((x): x is string => x !== null);
  return [
    String(s.index + 1),
    s.label,
    s.atActualSec === null ? "not run" : `${s.atActualSec.toFixed(1)} s`,
    secsOr(s.actionMs),
    secsOr(s.fencedMs),
    secsOr(s.kafkaPartMs),
    secsOr(s.clientPartMs),
    secsOr(s.newControllerMs),
    secsOr(s.backInIsrMs),
    s.window.acksPerSec === null ? "—" : int(s.window.acksPerSec),
    int(s.window.failedAttempts),
    why.join("; ") || "—",
  ];
}

function stepsSection(r: StoredDrillReport): DocSection {
  if (!r.steps) return section("Steps", paragraph("A version-1 report: written before scenarios had steps, it has no per-step timings."));
  const changes = r.controllerChanges ?? [];
  return section(
    "Steps",
    paragraph("Times from the step: fenced = gone from the other brokers' metadata; Kafka's part = a new leader elected; the client's part = from then to its first write there; acks/s and failed attempts until the next step."),
    table(
      ["#", "step", "at", "action took", "fenced", "Kafka's part", "client's part", "new controller", "back in ISR", "acks/s", "failed attempts", "why writes failed"],
      r.steps.map(stepRow),
      [true, false, true, true, true, true, true, true, true, true, true, false],
    ),
    ...(changes.length > 0 ? [list(changes.map((c) => `${c.t < r.startedAt ? "before the start" : `at ${secs(c.t - r.startedAt)}`}: ${c.id === null ? "no active controller" : `broker ${c.id} active controller`}`))] : []),
  );
}

const sample = (items: { producerId: string; seq: number }[]) => items.slice(0, 10).map((x) => `${x.producerId}#${x.seq}`).join(", ");

function verifySection(v: VerifyResult | null): DocSection {
  if (!v) return section("Verification", paragraph("The verifier did not run: data loss is unproven."));
  const rows: string[][] = [
    ["acknowledged", int(v.acked)],
    ["read back", `${int(v.consumed)}${v.rereads > 0 ? ` (${int(v.rereads)} re-reads)` : ""}`],
    ["lost (acknowledged, never read back)", int(v.missing.count)],
    ["duplicates", int(v.duplicates.count)],
    ["out of order (per key)", int(v.outOfOrder.count)],
    ["unacknowledged but written", int(v.unackedPresent)],
    ...(v.keyMismatches > 0 ? [["key mismatches", int(v.keyMismatches)]] : []),
    ...(v.undecodable > 0 ? [["undecodable", int(v.undecodable)]] : []),
    ...(v.foreign > 0 ? [["other runs' records (ignored)", int(v.foreign)]] : []),
  ];
  const samples = [
    v.missing.count > 0 ? `lost, e.g. ${sample(v.missing.sample)}` : null,
    v.duplicates.count > 0 ? `duplicated, e.g. ${sample(v.duplicates.sample)}` : null,
    v.outOfOrder.count > 0 ? `out of order, e.g. ${sample(v.outOfOrder.sample)}` : null,
  ].filter((x): x is string => x !== null);
  return section("Verification", table(["check", "records"], rows, [false, true]), ...(samples.length > 0 ? [list(samples)] : []));
}

export function drillDoc(r: StoredDrillReport): ReportDoc {
  const p = r.params;
  const verdict = drillVerdict(r);
  const notes = [...r.notes, ...(r.sabotage ? [`a test run with delivery broken on purpose: ${plural(r.sabotage.duplicatesSent, "duplicate")} sent, ${plural(r.sabotage.liesTold, "false ack")}`] : [])];
  return {
    id: r.id,
    kindLabel: "Black Friday drill",
    verdict,
    passed: verdict === "PASSED",
    summary: `${p.scenario ?? "single"} · ${int(p.rate)} events/s for ${p.durationSec} s · ran ${utc(r.startedAt)} for ${secs(r.finishedAt - r.startedAt)}`,
    sections: [
      section("Parameters", table(["parameter", "value"], drillParamRows(r).map((x) => [x.label, x.value]))),
      criteriaSection(r),
      figuresSection(r),
      stepsSection(r),
      verifySection(r.verify),
      section(
        "Charts",
        { kind: "chart", title: "Acknowledged events per second", svg: throughputSvg(r), alt: `Acknowledged events per second over the drill, peak ${int(Math.max(0, ...r.series.map((x) => x.acks)))}, with the steps marked` },
        { kind: "chart", title: "Under-replicated partitions", svg: urpSvg(r), alt: `Under-replicated partitions over the drill, peak ${int(r.figures.peakUrp)}` },
      ),
      ...(notes.length > 0 ? [section("Notes", list(notes))] : []),
    ],
  };
}
