"use client";
// The safety comparison: the unsafe run's lost acknowledged records (with their
// ids) beside the safe run's zero, each run's settings, steps and writes, and
// what was put back afterwards.
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { formatInt } from "@/components/ui/format";
import type { SafetyReport, SafetyRun } from "@/lib/drill/safety-report";

const secs = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(1)} s`);

function RunColumn({ run }: { run: SafetyRun }) {
  const lost = run.readBack?.lost.count ?? null;
  return (
    <section aria-label={`${run.settings} run`} data-testid={`safety-run-${run.settings}`} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <h3 className="mb-1 flex items-center justify-between font-semibold">
        {run.settings === "unsafe" ? "Unsafe settings" : "Safe settings"}
        <Badge tone={lost === null ? "slate" : lost > 0 ? "red" : "green"}>{lost === null ? "not read back" : `${formatInt(lost)} lost`}</Badge>
      </h3>
      <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">
        producer acks={run.producer.acks === -1 ? "all" : run.producer.acks}, idempotence {run.producer.idempotent ? "on" : "off"} · topic min.insync.replicas={run.topicConfig.minInsyncReplicas}, unclean.leader.election.enable={String(run.topicConfig.uncleanLeaderElection)} · leader {run.leaderBefore ?? "?"} → {run.leaderAfter ?? "none"}
        {run.electedAfterMs !== null ? ` (${secs(run.electedAfterMs)} after the kill)` : ""}
      </p>
      <table className="mb-2 w-full text-left text-sm" aria-label={`${run.settings} writes`}>
        <thead className="text-xs text-slate-600 dark:text-slate-400">
          <tr>
            <th className="pr-2 font-medium">Writes</th>
            <th className="pr-2 font-medium">Attempted</th>
            <th className="pr-2 font-medium">Acknowledged</th>
            <th className="pr-2 font-medium">Failed attempts</th>
          </tr>
        </thead>
        <tbody className="font-mono tabular-nums">
          {run.writes.map((w) => (
            <tr key={w.phase} className="border-t border-slate-100 dark:border-slate-800" title={w.firstError ?? undefined}>
              <td className="pr-2 font-sans">{w.phase === "frozen" ? "followers frozen" : w.phase === "before" ? "all in sync" : "new leader"}</td>
              <td className="pr-2">{formatInt(w.attempted)}</td>
              <td className="pr-2">{formatInt(w.acked)}</td>
              <td className="pr-2">{formatInt(w.failedAttempts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {run.readBack && (
        <p className="mb-2 text-sm">
          Read back: {formatInt(run.readBack.found)} of {formatInt(run.readBack.acked)} acknowledged records found.
          {run.readBack.lost.ids.length > 0 && (
            <span className="block font-mono text-xs text-red-800 dark:text-red-300" data-testid="safety-lost-ids">
              lost: {run.readBack.lost.ids.slice(0, 10).join(", ")}
              {run.readBack.lost.count > 10 ? ` … and ${formatInt(run.readBack.lost.count - 10)} more` : ""}
            </span>
          )}
        </p>
      )}
      <ol className="space-y-0.5 text-xs">
        {run.steps.map((s, i) => (
          <li key={i} className={s.ok ? "" : "text-red-700 dark:text-red-400"}>
            <span className="font-mono text-slate-600 dark:text-slate-400">{secs(s.atMs).padStart(6)}</span> {s.ok ? "" : "✗ "}
            {s.label}
            {s.detail ? ` — ${s.detail}` : ""}
          </li>
        ))}
      </ol>
      {run.error && <p className="mt-1 text-sm text-red-700 dark:text-red-400">Stopped: {run.error}</p>}
    </section>
  );
}

export function SafetyReportView({ report: r }: { report: SafetyReport }) {
  const back = r.restored;
  return (
    <Card aria-labelledby="safety-report-title" data-testid="safety-report">
      <CardTitle id="safety-report-title" aside={<Badge tone={r.verdict.demonstrated ? "green" : "red"}>{r.verdict.demonstrated ? "SHOWN" : "NOT SHOWN"}</Badge>}>
        Safety comparison {r.id}
      </CardTitle>
      <p className="mb-3 text-sm font-medium" data-testid="safety-verdict">
        {r.verdict.summary}
      </p>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        Both followers frozen (they stay in the ISR), {formatInt(r.params.recordsWhileFrozen)} records written, the leader killed, the followers thawed: one of them is elected without what only the leader had. With acks=1 the leader alone had acknowledged those records; with acks=all none was acknowledged until a new leader held it.
      </p>
      <div className="mb-3 grid gap-4 md:grid-cols-2">
        {r.runs.map((run) => (
          <RunColumn key={run.settings} run={run} />
        ))}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Put back: scratch topics deleted ({back.topicsDeleted.join(", ") || "none"}), every broker running: {back.brokersRunning ? "yes" : "no"}, broker settings unchanged: {back.brokerConfigUnchanged === null ? "not checked" : back.brokerConfigUnchanged ? "yes" : "NO"}.
      </p>
      {r.notes.length > 0 && (
        <ul className="mt-2 list-disc pl-5 text-sm" aria-label="Notes">
          {r.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}
