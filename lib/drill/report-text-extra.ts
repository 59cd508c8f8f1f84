// The safety comparison and the session-timeout sweep as the CLI prints them.
import type { SafetyReport, SafetyRun } from "./safety-report";
import type { SweepReport } from "./sweep-report";

const secs = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(1)} s`);
const iso = (t: number) => new Date(t).toISOString();

function runLines(r: SafetyRun): string[] {
  const acks = r.producer.acks === -1 ? "all" : String(r.producer.acks);
  return [
    `${r.settings.toUpperCase()} run on ${r.topic}`,
    `  producer acks=${acks}, idempotent ${r.producer.idempotent}; topic min ISR ${r.topicConfig.minInsyncReplicas}, unclean election ${r.topicConfig.uncleanLeaderElection}`,
    `  leader ${r.leaderBefore ?? "?"}, followers ${r.followers.join(", ") || "?"}; new leader ${r.leaderAfter ?? "none"} ${r.electedAfterMs === null ? "" : `${secs(r.electedAfterMs)} after the kill`}`,
    ...r.steps.map((s) => `  ${s.ok ? "ok  " : "FAIL"} ${secs(s.atMs).padStart(7)}  ${s.label}${s.detail ? ` — ${s.detail}` : ""}`),
    ...r.writes.map((w) => `  writes ${w.phase.padEnd(7)} ${w.attempted} attempted, ${w.acked} acknowledged, ${w.failedAttempts} failed attempts${w.firstError ? ` (${w.firstError})` : ""}`),
    r.readBack
      ? `  read back: ${r.readBack.found} of ${r.readBack.acked} acknowledged records found — LOST ${r.readBack.lost.count}${r.readBack.lost.ids.length > 0 ? ` (e.g. ${r.readBack.lost.ids.slice(0, 5).join(", ")})` : ""}`
      : "  read back: did not run",
    ...(r.error ? [`  error: ${r.error}`] : []),
  ];
}

export function formatSafetyReport(r: SafetyReport): string {
  return [
    `Safety comparison ${r.id}: ${r.verdict.demonstrated ? "SHOWN" : "NOT SHOWN"}`,
    `  ran ${iso(r.startedAt)} → ${iso(r.finishedAt)}; ${r.params.recordsWhileFrozen} records written while the followers were frozen`,
    "",
    ...r.runs.flatMap((run) => [...runLines(run), ""]),
    `Verdict: ${r.verdict.summary}`,
    `Put back: scratch topics deleted (${r.restored.topicsDeleted.join(", ") || "none"}), every broker running ${r.restored.brokersRunning}, broker settings unchanged ${r.restored.brokerConfigUnchanged ?? "unknown"}`,
    ...(r.notes.length > 0 ? ["", "Notes", ...r.notes.map((n) => `  - ${n}`)] : []),
  ].join("\n");
}

export function formatSweepReport(r: SweepReport): string {
  const head = `  ${"session timeout".padEnd(17)}${"fenced".padEnd(10)}${"kafka".padEnd(10)}${"client".padEnd(10)}${"recovery".padEnd(10)}${"lost".padEnd(6)}drill`;
  return [
    `Session-timeout sweep ${r.id}: ${r.params.rate} events/s, kill at ${r.params.killAtSec} s, restart at ${r.params.restartAtSec} s, ${r.params.durationSec} s each`,
    head,
    ...r.points.map(
      (p) =>
        `  ${`${p.sessionTimeoutMs} ms`.padEnd(17)}${secs(p.fencedMs).padEnd(10)}${secs(p.kafkaPartMs).padEnd(10)}${secs(p.clientPartMs).padEnd(10)}${secs(p.recoveryMs).padEnd(10)}${String(p.lost ?? "?").padEnd(6)}${p.error ? `failed: ${p.error}` : (p.drillId ?? "")}`,
    ),
    `The cluster runs with ${r.restoredTo} ms again.`,
    "Shorter fences a dead broker sooner; too short fences one that is only slow (a GC pause, a busy disk) and moves its leaders for nothing.",
    ...(r.notes.length > 0 ? ["", "Notes", ...r.notes.map((n) => `  - ${n}`)] : []),
  ].join("\n");
}
