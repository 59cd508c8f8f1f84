// The report as the CLI prints it.
import { ruleText } from "./criteria";
import type { DrillReport } from "./report";
import type { StepReport } from "./steps";
import type { VerifyResult } from "./verify";

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

function targetText(r: DrillReport): string {
  const p = r.params;
  if ((p.scenario ?? "single") === "rolling-restart") return `every broker in turn, from ${p.killAtSec} s`;
  const who = r.targetBrokerId === null ? "no broker" : `broker ${r.targetBrokerId}`;
  return `${who} (${p.mode} at ${p.killAtSec} s${p.restartAtSec === undefined ? ", no restart" : `, restart at ${p.restartAtSec} s`})`;
}

const ms = (v: number | null) => (v === null ? "—" : secs(v));

/** One line per step: when, what it took, Kafka's part and the client's part of the failover. */
function stepLines(steps: readonly StepReport[]): string[] {
  if (steps.length === 0) return [];
  const head = `  ${"#".padEnd(3)}${"at".padEnd(9)}${"fenced".padEnd(9)}${"kafka".padEnd(9)}${"client".padEnd(9)}${"in ISR".padEnd(9)}${"acks/s".padEnd(9)}${"failed".padEnd(8)}step`;
  return [
    "",
    "Steps (fenced: gone from the others' metadata; kafka: new leader elected; client: from then to its first write; all from the step)",
    head,
    ...steps.map((s) => {
      const at = s.atActualSec === null ? "not run" : `${s.atActualSec.toFixed(1)} s`;
      const acks = s.window.acksPerSec === null ? "—" : int(s.window.acksPerSec);
      const line = `  ${String(s.index + 1).padEnd(3)}${at.padEnd(9)}${ms(s.fencedMs).padEnd(9)}${ms(s.kafkaPartMs).padEnd(9)}${ms(s.clientPartMs).padEnd(9)}${ms(s.backInIsrMs).padEnd(9)}${acks.padEnd(9)}${int(s.window.failedAttempts).padEnd(8)}${s.label}`;
      const why = [s.error ? `failed: ${s.error}` : null, s.newControllerMs !== null ? `new controller after ${secs(s.newControllerMs)}` : null, ...s.window.reasons.slice(0, 2).map((x) => `${int(x.count)} × ${x.reason}`)].filter(Boolean);
      return why.length > 0 ? `${line}\n${why.map((w) => `       ${w}`).join("\n")}` : line;
    }),
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
    row("scenario", p.scenario ?? "single"),
    row("target", targetText(r)),
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
    ...stepLines(r.steps ?? []),
    "",
    "Verification",
    ...verifyLines(r.verify),
    "",
    "Criteria",
    ...r.criteria.checks.map(
      (c) => `  ${c.passed ? "PASS" : "FAIL"} ${c.name.padEnd(36)}${c.value === null ? "not measured" : `${+c.value.toFixed(1)} ${c.unit}`} (${ruleText(c)})`,
    ),
    ...(r.notes.length > 0 ? ["", "Notes", ...r.notes.map((n) => `  - ${n}`)] : []),
    "",
    `Result: ${verdict}`,
  ];
  return lines.join("\n");
}
