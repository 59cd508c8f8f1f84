"use client";
// The throughput of each drill, one chart above the other on the same time
// axis: seconds since each drill's start, both axes as long as the longer run.
import { Chart } from "@/components/charts/chart";
import type { Row } from "@/components/charts/series";
import { formatInt } from "@/components/ui/format";
import { reportKindOf, type AnyReport, type StoredDrillReport } from "@/lib/drill/progress";
import { drillMarks } from "@/lib/drill/report-charts";
import { KIND_LABEL } from "@/lib/drill/report-facts";

// The chart wrapper labels its axis with a clock in the browser's time zone; from
// local midnight that clock reads as the time since the start (00:00:20 = 20 s).
const ORIGIN = new Date(2000, 0, 1).getTime();

function rowsOf(r: StoredDrillReport, span: number): Row[] {
  return Array.from({ length: span }, (_, t) => ({ at: ORIGIN + t * 1000, acks: r.series[t]?.acks ?? null }));
}

export function CompareCharts({ reports }: { reports: { side: "A" | "B"; report: AnyReport }[] }) {
  const drills = reports.filter((x) => reportKindOf(x.report) === "drill") as { side: "A" | "B"; report: StoredDrillReport }[];
  const span = Math.max(2, ...drills.map((d) => d.report.series.length));
  return (
    <div className="flex flex-col gap-4">
      {reports.map(({ side, report }) => {
        const kind = reportKindOf(report);
        if (kind !== "drill") {
          return (
            <p key={side} className="text-sm text-slate-600 dark:text-slate-400">
              {side} is a {KIND_LABEL[kind]}: it has no throughput series to draw.
            </p>
          );
        }
        const r = report as StoredDrillReport;
        const peak = r.series.reduce((m, p) => Math.max(m, p.acks), 0);
        return (
          <Chart
            key={side}
            testId={`compare-throughput-${side.toLowerCase()}`}
            title={`${side}: acknowledged events/s (time since the start)`}
            summary={`peak ${formatInt(peak)} per second over ${r.series.length} s`}
            rows={rowsOf(r, span)}
            series={[{ key: "acks", label: "acks/s", color: side === "A" ? "#0369a1" : "#7e22ce" }]}
            markers={drillMarks(r).map((m) => ({ at: ORIGIN + m.x * 1000, label: m.label }))}
            kind="line"
            height={200}
            format={formatInt}
          />
        );
      })}
    </div>
  );
}
