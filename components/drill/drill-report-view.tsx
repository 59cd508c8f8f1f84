"use client";
// One finished drill: verdict, the lesson's criteria (and the scenario's), figures,
// the steps with Kafka's and the client's part of each failover, verification, charts.
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { formatInt } from "@/components/ui/format";
import type { StoredDrillReport } from "@/lib/drill/progress";
import { ruleText } from "@/lib/drill/criteria";
import { DrillCharts } from "./drill-charts";
import { drillMarkers } from "./drill-marks";
import { SCENARIO_LABEL } from "./scenario-labels";
import { StepsTable } from "./steps-table";

const secs = (ms: number | null, none = "never") => (ms === null ? none : `${(ms / 1000).toFixed(1)} s`);
const rate = (n: number | null) => (n === null ? "—" : `${formatInt(n)} /s`);

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex justify-between gap-2 border-b border-slate-100 py-1 text-sm last:border-0 dark:border-slate-800">
      <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="font-mono tabular-nums">{value}</dd>
    </div>
  );
}

function what(r: StoredDrillReport): string {
  const p = r.params;
  const scenario = p.scenario ?? "single";
  if (scenario === "rolling-restart") return `every broker restarted in turn from ${p.killAtSec} s`;
  const target = r.targetBrokerId === null ? "no broker" : `broker ${r.targetBrokerId}`;
  return `${p.mode} of ${target} at ${p.killAtSec} s${scenario === "cascade" ? ` and of a second at ${p.secondAtSec ?? "halfway"}${p.secondAtSec ? " s" : ""}` : ""}${p.restartAtSec === undefined ? ", no restart" : `, back at ${p.restartAtSec} s`}`;
}

export function DrillReportView({ report: r }: { report: StoredDrillReport }) {
  const f = r.figures;
  const v = r.verify;
  const p = r.params;
  const first = r.steps?.[0];
  return (
    <Card aria-labelledby="drill-report-title" data-testid="drill-report">
      <CardTitle id="drill-report-title" aside={<Badge tone={r.criteria.passed ? "green" : "red"}>{r.cancelled ? "CANCELLED" : r.criteria.passed ? "PASSED" : "FAILED"}</Badge>}>
        {SCENARIO_LABEL[p.scenario ?? "single"]} report {r.id}
      </CardTitle>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        {formatInt(p.rate)} events/s for {p.durationSec} s ({p.recordBytes}-byte records) · {what(r)} · {new Date(r.startedAt).toLocaleString()}
      </p>
      <ul className="mb-4 grid gap-2 sm:grid-cols-3" aria-label="Success criteria">
        {r.criteria.checks.map((c) => (
          <li key={c.name} className={`rounded-md border p-2 text-sm ${c.passed ? "border-emerald-300 dark:border-emerald-800" : "border-red-300 dark:border-red-800"}`}>
            <span className="font-semibold">{c.passed ? "✓ PASS" : "✗ FAIL"}</span> {c.name}:{" "}
            <span className="font-mono">{c.value === null ? "not measured" : `${+c.value.toFixed(1)} ${c.unit}`}</span>{" "}
            <span className="text-slate-600 dark:text-slate-400">({ruleText(c)})</span>
          </li>
        ))}
      </ul>
      <div className="mb-4 grid gap-4 md:grid-cols-2">
        <dl aria-label="Throughput and recovery">
          <Row label="baseline" value={rate(f.baselineAcksPerSec)} />
          <Row label="during the outage" value={rate(f.outageAcksPerSec)} />
          <Row label="degradation" value={f.degradationPct === null ? "—" : `${f.degradationPct.toFixed(1)} %`} />
          <Row label="first write on moved partitions" value={r.movedPartitions.length === 0 ? "no partition moved" : secs(f.firstWriteAfterKillMs)} />
          {first && <Row label="of which Kafka's part (fencing, election)" value={secs(first.kafkaPartMs, "—")} />}
          {first && <Row label="of which the client's part" value={secs(first.clientPartMs, "—")} />}
          <Row label="back to ≥ 90 % of baseline" value={secs(f.recoveryMs)} />
          <Row label="URP back to 0 after restart" value={r.restartedAt === null ? "no restart" : secs(f.urpClearedAfterRestartMs)} />
          <Row label="peak URP" value={String(f.peakUrp)} />
          <Row label="leader moves (drill topic)" value={String(r.leaderMoves.length)} />
        </dl>
        <dl aria-label="Verification">
          {v ? (
            <>
              <Row label="acknowledged" value={formatInt(v.acked)} />
              <Row label="read back" value={formatInt(v.consumed)} />
              <Row label="missing (data loss)" value={formatInt(v.missing.count)} />
              <Row label="duplicates" value={formatInt(v.duplicates.count)} />
              <Row label="out of order (per key)" value={formatInt(v.outOfOrder.count)} />
              <Row label="unacked but present" value={formatInt(v.unackedPresent)} />
              <Row label="errors / retries" value={`${formatInt(f.totalErrors)} / ${formatInt(f.totalRetries)}`} />
            </>
          ) : (
            <p className="text-sm text-amber-800 dark:text-amber-300">The verifier did not run: data loss is unproven.</p>
          )}
        </dl>
      </div>
      {r.steps && <StepsTable steps={r.steps} />}
      <DrillCharts series={r.series} startedAt={r.startedAt} markers={drillMarkers({ steps: r.steps, killedAt: r.killedAt, restartedAt: r.restartedAt, targetBrokerId: r.targetBrokerId, mode: p.mode })} />
      {r.notes.length > 0 && (
        <ul className="mt-3 list-disc pl-5 text-sm text-slate-700 dark:text-slate-300" aria-label="Notes">
          {r.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}
