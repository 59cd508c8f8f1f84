"use client";
// The running drill: phase, progress through its duration, counts, cancel.
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { formatInt } from "@/components/ui/format";
import type { DrillProgress } from "@/lib/drill/progress";
import { DrillCharts } from "./drill-charts";
import { drillMarkers } from "./drill-marks";
import { LiveSafety } from "./live-safety";
import { LiveSteps } from "./live-steps";
import { SCENARIO_LABEL } from "./scenario-labels";

interface Props {
  drill: DrillProgress;
  cancelling: boolean;
  onCancel: () => void;
}

const stat = (label: string, value: string) => (
  <div>
    <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
    <dd className="font-mono text-lg tabular-nums">{value}</dd>
  </div>
);

export function DrillLive({ drill, cancelling, onCancel }: Props) {
  const { params: p } = drill;
  const pct = Math.min(100, (drill.elapsedSec / p.durationSec) * 100);
  const last = drill.series.at(-2);
  const title = (
    <CardTitle id="drill-live-title" aside={<Badge tone={drill.phase === "running" ? "blue" : "amber"}>{drill.phase}</Badge>}>
      {SCENARIO_LABEL[p.scenario]} {drill.id} running
    </CardTitle>
  );
  const cancel = (
    <div className="mt-3 flex items-center gap-3">
      <Button variant="neutral" onClick={onCancel} disabledReason={cancelling ? "cancelling…" : null}>
        Cancel drill
      </Button>
      <span className="text-xs text-slate-600 dark:text-slate-400">Cancel stops the traffic and brings every broken broker back.</span>
    </div>
  );
  if (drill.safety) {
    return (
      <Card aria-labelledby="drill-live-title" data-testid="drill-live">
        {title}
        <LiveSafety phase={drill.safety.phase} runs={drill.safety.runs} elapsedSec={drill.elapsedSec} />
        {cancel}
      </Card>
    );
  }
  return (
    <Card aria-labelledby="drill-live-title" data-testid="drill-live">
      {title}
      <div className="mb-3 h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-700" role="progressbar" aria-valuemin={0} aria-valuemax={p.durationSec} aria-valuenow={Math.round(drill.elapsedSec)} aria-label="Drill progress">
        <div className="h-full bg-sky-600" style={{ width: `${pct}%` }} />
      </div>
      <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-6">
        {stat("elapsed", `${drill.elapsedSec.toFixed(0)} / ${p.durationSec} s`)}
        {stat("acks/s (last s)", last ? formatInt(last.acks) : "—")}
        {stat("acknowledged", formatInt(drill.acked))}
        {stat("errors / retries", `${formatInt(drill.errors)} / ${formatInt(drill.retries)}`)}
        {stat("URP", drill.urp === null ? "—" : String(drill.urp))}
        {stat("controller", drill.controllerId === null ? "none" : `broker ${drill.controllerId}`)}
      </dl>
      {drill.steps.length === 0 && <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">The steps are planned at {p.killAtSec} s, from who leads and who controls then.</p>}
      <LiveSteps steps={drill.steps} startedAt={drill.startedAt} />
      {drill.startedAt !== null && (
        <DrillCharts series={drill.series} startedAt={drill.startedAt} markers={drillMarkers({ steps: drill.steps, killedAt: drill.killedAt, restartedAt: drill.restartedAt, targetBrokerId: drill.targetBrokerId, mode: p.mode })} />
      )}
      {cancel}
    </Card>
  );
}
