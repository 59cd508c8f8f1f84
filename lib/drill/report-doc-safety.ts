// A safety comparison as a document: the verdict, the two runs side by side,
// writes per phase, each run's steps, and the acknowledged ids the unsafe run lost.
import { list, paragraph, section, table, type DocSection, type ReportDoc } from "./report-doc";
import { safetyFacts } from "./report-facts-kinds";
import { int, secs, secsOr, utc } from "./report-format";
import type { SafetyReport, SafetyRun } from "./safety-report";

/** Ids listed in the document; the JSON export keeps every one. */
export const LOST_IDS_SHOWN = 100;

const yesNo = (b: boolean) => (b ? "yes" : "no");
const broker = (id: number | null) => (id === null ? "none" : `broker ${id}`);

function runsTable(runs: readonly SafetyRun[]): DocSection {
  const rows: [string, (r: SafetyRun) => string][] = [
    ["producer acks", (r) => (r.producer.acks === -1 ? "all" : String(r.producer.acks))],
    ["idempotent producer", (r) => yesNo(r.producer.idempotent)],
    ["min.insync.replicas", (r) => String(r.topicConfig.minInsyncReplicas)],
    ["unclean leader election", (r) => yesNo(r.topicConfig.uncleanLeaderElection)],
    ["scratch topic", (r) => r.topic],
    ["leader before", (r) => broker(r.leaderBefore)],
    ["followers frozen", (r) => r.followers.map((f) => `broker ${f}`).join(", ") || "none"],
    ["leader after", (r) => broker(r.leaderAfter)],
    ["leader killed → new leader", (r) => secsOr(r.electedAfterMs, "none elected")],
    ["acknowledged", (r) => (r.readBack ? int(r.readBack.acked) : "not read back")],
    ["read back", (r) => (r.readBack ? int(r.readBack.found) : "not read back")],
    ["lost (acknowledged, never read back)", (r) => (r.readBack ? int(r.readBack.lost.count) : "unknown")],
    ["unacknowledged but written", (r) => (r.readBack ? int(r.readBack.unackedPresent) : "unknown")],
    ["error", (r) => r.error ?? "none"],
  ];
  return section("The two runs", table(["what", ...runs.map((r) => `${r.settings} settings`)], rows.map(([label, f]) => [label, ...runs.map(f)])));
}

function lostSection(runs: readonly SafetyRun[]): DocSection {
  const blocks = runs.flatMap((r) => {
    const lost = r.readBack?.lost;
    if (!lost) return [paragraph(`${r.settings} run: not read back, so its loss is unknown.`)];
    if (lost.count === 0) return [paragraph(`${r.settings} run: none lost.`)];
    const more = lost.count - Math.min(lost.ids.length, LOST_IDS_SHOWN);
    return [
      paragraph(`${r.settings} run: ${int(lost.count)} acknowledged record${lost.count === 1 ? "" : "s"} never read back${more > 0 ? ` (the first ${Math.min(lost.ids.length, LOST_IDS_SHOWN)} listed; the JSON export has every id it kept)` : ""}:`),
      list(lost.ids.slice(0, LOST_IDS_SHOWN)),
    ];
  });
  return section("Lost acknowledged records", ...blocks);
}

export function safetyDoc(r: SafetyReport): ReportDoc {
  const facts = safetyFacts(r);
  const runs = [...r.runs].sort((a, b) => (a.settings === b.settings ? 0 : a.settings === "unsafe" ? -1 : 1));
  return {
    id: r.id,
    kindLabel: "Safety comparison",
    verdict: facts.verdict,
    passed: r.verdict.demonstrated,
    summary: `the same fault sequence with unsafe and safe settings · ran ${utc(r.startedAt)} for ${secs(r.finishedAt - r.startedAt)}`,
    sections: [
      section("Verdict", paragraph(r.verdict.summary)),
      section("Parameters", table(["parameter", "value"], facts.params.map((p) => [p.label, p.value]))),
      section("Criteria", table(["result", "criterion", "measured", "rule"], facts.criteria.map((c) => [c.passed ? "PASS" : "FAIL", c.name, c.measured, c.rule]))),
      runsTable(runs),
      section(
        "Writes per phase",
        table(
          ["run", "phase", "attempted", "acknowledged", "failed attempts", "most frequent failure"],
          runs.flatMap((run) => run.writes.map((w) => [run.settings, w.phase, int(w.attempted), int(w.acked), int(w.failedAttempts), w.firstError ?? "—"])),
          [false, false, true, true, true, false],
        ),
      ),
      section("Steps", table(["run", "at", "step", "ok", "detail"], runs.flatMap((run) => run.steps.map((s) => [run.settings, secs(s.atMs), s.label, s.ok ? "yes" : "NO", s.detail ?? ""])))),
      lostSection(runs),
      section(
        "Restored afterwards",
        list([
          `scratch topics deleted: ${r.restored.topicsDeleted.join(", ") || "none"}`,
          `every broker running again: ${yesNo(r.restored.brokersRunning)}`,
          `broker settings unchanged: ${r.restored.brokerConfigUnchanged === null ? "not checked" : yesNo(r.restored.brokerConfigUnchanged)}`,
        ]),
      ),
      ...(r.notes.length > 0 ? [section("Notes", list(r.notes))] : []),
    ],
  };
}
