// Facts of the two other report kinds. A safety comparison's "lost" is its safe
// run's (the same settings a drill runs with); the unsafe run has keys of its
// own. A sweep's figures are per session timeout, keyed by the value.
import type { CriterionFact, FigureFact, ParamFact, ReportFacts } from "./report-facts";
import { int, secs, utc } from "./report-format";
import type { SafetyReport, SafetyRun } from "./safety-report";
import type { SweepReport } from "./sweep-report";

const lostOf = (run: SafetyRun | undefined) => run?.readBack?.lost.count ?? null;

export function safetyFacts(r: SafetyReport): ReportFacts {
  const unsafe = r.runs.find((x) => x.settings === "unsafe");
  const safe = r.runs.find((x) => x.settings === "safe");
  const params: ParamFact[] = [
    { key: "recordsWhileFrozen", label: "records written while the followers were frozen", value: int(r.params.recordsWhileFrozen) },
    { key: "recordBytes", label: "record size", value: `${r.params.recordBytes} bytes` },
    { key: "startedAt", label: "started", value: utc(r.startedAt) },
  ];
  const criteria: CriterionFact[] = [
    { name: "the unsafe settings lose acknowledged records", passed: (r.verdict.unsafeLost ?? 0) > 0, measured: r.verdict.unsafeLost === null ? "not measured" : `${int(r.verdict.unsafeLost)} records`, rule: "must be > 0 records" },
    { name: "the safe settings lose none", passed: r.verdict.safeLost === 0, measured: r.verdict.safeLost === null ? "not measured" : `${int(r.verdict.safeLost)} records`, rule: "must be 0" },
  ];
  const figures: FigureFact[] = [
    { key: "acked", label: "acknowledged", value: safe?.readBack?.acked ?? null, unit: "records", better: null, note: "the safe run" },
    { key: "lost", label: "lost (acknowledged, never read back)", value: lostOf(safe), unit: "records", better: "lower", note: "the safe run" },
    { key: "safety.unsafe.acked", label: "unsafe run: acknowledged", value: unsafe?.readBack?.acked ?? null, unit: "records", better: null },
    { key: "safety.unsafe.lost", label: "unsafe run: lost", value: lostOf(unsafe), unit: "records", better: null },
    { key: "safety.unsafe.elected", label: "unsafe run: leader killed → new leader", value: unsafe?.electedAfterMs ?? null, unit: "ms", better: "lower" },
    { key: "safety.safe.elected", label: "safe run: leader killed → new leader", value: safe?.electedAfterMs ?? null, unit: "ms", better: "lower" },
  ];
  return {
    id: r.id,
    kind: "safety",
    kindLabel: "safety comparison",
    verdict: r.verdict.demonstrated ? "SHOWN" : "NOT SHOWN",
    startedAt: r.startedAt,
    params,
    criteria,
    figures,
    gaps: ["a safety comparison: it has no throughput series, recovery or degradation (it writes a fixed batch, not a timed load)"],
  };
}

export function sweepFacts(r: SweepReport): ReportFacts {
  const p = r.params;
  const params: ParamFact[] = [
    { key: "sessionTimeouts", label: "broker.session.timeout.ms values", value: p.valuesMs.map((v) => secs(v)).join(", ") },
    { key: "rate", label: "rate", value: `${int(p.rate)} events/s` },
    { key: "durationSec", label: "duration", value: `${p.durationSec} s` },
    { key: "mode", label: "fault", value: "kill" },
    { key: "killAtSec", label: "break at", value: `${p.killAtSec} s` },
    { key: "restartAtSec", label: "restart at", value: `${p.restartAtSec} s` },
    { key: "startedAt", label: "started", value: utc(r.startedAt) },
  ];
  const points = [...r.points].sort((a, b) => a.sessionTimeoutMs - b.sessionTimeoutMs);
  const figures: FigureFact[] = points.flatMap((pt) => {
    const at = `session timeout ${secs(pt.sessionTimeoutMs)}`;
    const k = `sweep.${pt.sessionTimeoutMs}`;
    return [
      { key: `${k}.fenced`, label: `${at}: fenced`, value: pt.fencedMs, unit: "ms", better: "lower" },
      { key: `${k}.kafkaPart`, label: `${at}: Kafka's part`, value: pt.kafkaPartMs, unit: "ms", better: "lower" },
      { key: `${k}.clientPart`, label: `${at}: the client's part`, value: pt.clientPartMs, unit: "ms", better: "lower" },
      { key: `${k}.recovery`, label: `${at}: recovery`, value: pt.recoveryMs, unit: "ms", better: "lower" },
    ] satisfies FigureFact[];
  });
  const lost = points.every((pt) => pt.lost !== null) && points.length > 0 ? points.reduce((n, pt) => n + (pt.lost ?? 0), 0) : null;
  figures.push({ key: "lost", label: "lost (acknowledged, never read back)", value: lost, unit: "records", better: "lower", note: "all points" });
  const criteria: CriterionFact[] = points.map((pt) => ({
    name: `drill at session timeout ${secs(pt.sessionTimeoutMs)} passes`,
    passed: pt.passed === true,
    measured: pt.error ? `failed: ${pt.error}` : pt.passed === null ? "did not run" : pt.passed ? "passed" : "failed",
    rule: "must pass the drill's criteria",
  }));
  const ok = points.length > 0 && points.every((pt) => pt.passed === true);
  return {
    id: r.id,
    kind: "session-sweep",
    kindLabel: "session-timeout sweep",
    verdict: ok ? "PASSED" : "FAILED",
    startedAt: r.startedAt,
    params,
    criteria,
    figures,
    gaps: ["a session-timeout sweep: it keeps no throughput series of its own (each point's drill report has it)"],
  };
}
