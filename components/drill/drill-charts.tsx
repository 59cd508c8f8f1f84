"use client";
// The drill's three charts from its per-second series: throughput with the
// steps marked, errors and retries, under-replicated partitions.
import { Chart } from "@/components/charts/chart";
import type { Marker, Row } from "@/components/charts/series";
import { formatInt } from "@/components/ui/format";
import type { SecondPoint } from "@/lib/drill/series";

interface Props {
  series: readonly SecondPoint[];
  startedAt: number;
  /** What the drill did, drawn on every chart (see drillMarkers). */
  markers: Marker[];
}

export function DrillCharts({ series, startedAt, markers }: Props) {
  const rows: Row[] = series.map((p) => ({ at: startedAt + p.t * 1000, acks: p.acks, errors: p.errors, retries: p.retries, urp: p.urp }));
  const peak = series.reduce((m, p) => Math.max(m, p.acks), 0);
  const errors = series.reduce((s, p) => s + p.errors, 0);
  const urp = series.reduce((m, p) => Math.max(m, p.urp ?? 0), 0);
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Chart title="Acknowledged events/s" summary={`peak ${formatInt(peak)} per second`} rows={rows} series={[{ key: "acks", label: "acks/s", color: "#0369a1" }]} markers={markers} kind="line" height={200} format={formatInt} testId="drill-throughput" />
      <Chart title="Errors and retries/s" summary={`${formatInt(errors)} failed record attempts`} rows={rows} series={[{ key: "errors", label: "errors", color: "#b91c1c" }, { key: "retries", label: "retries", color: "#a16207" }]} markers={markers} kind="line" height={200} format={formatInt} testId="drill-errors" />
      <Chart title="Under-replicated partitions" summary={`peak ${urp}`} rows={rows} series={[{ key: "urp", label: "URP", color: "#b45309" }]} markers={markers} kind="step" height={200} testId="drill-urp" />
    </div>
  );
}
