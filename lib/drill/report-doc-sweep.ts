// A session-timeout sweep as a document: one row per broker.session.timeout.ms
// value, the chart of recovery against it, and the trade-off in a sentence.
import { sweepSvg } from "./report-charts";
import { list, paragraph, section, table, type ReportDoc } from "./report-doc";
import { sweepFacts } from "./report-facts-kinds";
import { countOr, secs, secsOr, utc } from "./report-format";
import type { SweepReport } from "./sweep-report";

export function sweepDoc(r: SweepReport): ReportDoc {
  const facts = sweepFacts(r);
  const points = [...r.points].sort((a, b) => a.sessionTimeoutMs - b.sessionTimeoutMs);
  const rows = points.map((p) => [
    secs(p.sessionTimeoutMs),
    secsOr(p.fencedMs),
    secsOr(p.kafkaPartMs),
    secsOr(p.clientPartMs),
    secsOr(p.recoveryMs, "never"),
    countOr(p.lost, "unknown"),
    p.passed === null ? "did not run" : p.passed ? "PASS" : "FAIL",
    p.drillId ?? "—",
    p.error ?? "",
  ]);
  return {
    id: r.id,
    kindLabel: "Session-timeout sweep",
    verdict: facts.verdict,
    passed: facts.verdict === "PASSED",
    summary: `the same hard-kill drill at ${points.length} values of broker.session.timeout.ms · ran ${utc(r.startedAt)} for ${secs(r.finishedAt - r.startedAt)}`,
    sections: [
      section("Parameters", table(["parameter", "value"], [...facts.params.map((p) => [p.label, p.value]), ["left running with", secs(r.restoredTo)]])),
      section("Criteria", table(["result", "criterion", "measured", "rule"], facts.criteria.map((c) => [c.passed ? "PASS" : "FAIL", c.name, c.measured, c.rule]))),
      section(
        "Recovery by session timeout",
        paragraph("Times from the kill: fenced = gone from the other brokers' metadata; Kafka's part = a new leader elected; the client's part = from then to its first write there; recovery = throughput back at ≥ 90 % of baseline."),
        table(["session timeout", "fenced", "Kafka's part", "client's part", "recovery", "lost", "drill", "drill report", "error"], rows, [true, true, true, true, true, true, false, false, false]),
        { kind: "chart", title: "Recovery against broker.session.timeout.ms", svg: sweepSvg(r), alt: `Fencing, Kafka's part and recovery, in seconds after the kill, for session timeouts of ${points.map((p) => secs(p.sessionTimeoutMs)).join(", ")}` },
      ),
      section(
        "The trade-off",
        paragraph("A shorter session timeout fences a dead broker sooner, so its leaders move and writes resume sooner. Too short, and a broker that is only slow (a GC pause, a busy disk, a saturated network) is fenced and its leaders moved for nothing; each false fencing is itself a short outage."),
      ),
      ...(r.notes.length > 0 ? [section("Notes", list(r.notes))] : []),
    ],
  };
}
