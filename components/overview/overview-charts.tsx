"use client";
import { memo, useMemo } from "react";
import type { HistoryPoint, TimelineEntry } from "@/lib/model/cluster";
import { Chart } from "@/components/charts/chart";
import { actionMarkers, canaryNow, canaryRows, downsample, perBrokerRows, perTopicRows, riskRows } from "@/components/charts/series";
import { Card, CardTitle } from "@/components/ui/card";
import { formatBytes, formatBytesRate, formatInt, formatRate } from "@/components/ui/format";
import { formatMs } from "@/components/ui/format-ms";

const MAX_POINTS = 300;
const H = 170;

/** Memoised: an urgent render with the same (deferred) points skips the charts entirely. */
export const OverviewCharts = memo(function OverviewCharts({ points, timeline, minutes }: { points: HistoryPoint[]; timeline: TimelineEntry[]; minutes: number }) {
  const charts = useMemo(() => {
    const first = points[0]?.at ?? 0;
    const last = points[points.length - 1]?.at ?? 0;
    const markers = actionMarkers(timeline, first, last);
    const topics = perTopicRows(points);
    const risk = riskRows(points);
    const leaders = perBrokerRows(points, (p) => p.leadersPerBroker);
    const hasBytes = points.some((p) => Object.keys(p.bytesInPerSec).length > 0);
    const bytesIn = hasBytes ? perBrokerRows(points, (p) => p.bytesInPerSec, "in") : null;
    const bytesOut = hasBytes ? perBrokerRows(points, (p) => p.bytesOutPerSec, "out") : null;
    const canary = canaryRows(points);
    const disk = perBrokerRows(points, (p) => p.logDirBytes, "disk");
    const now = points[points.length - 1];
    return { markers, topics, risk, leaders, bytesIn, bytesOut, canary, disk, now };
  }, [points, timeline]);
  const { markers, topics, risk, leaders, bytesIn, bytesOut, canary, disk, now } = charts;
  const d = (rows: typeof topics.rows) => downsample(rows, MAX_POINTS);

  return (
    <Card data-testid="charts" aria-labelledby="charts-title">
      <CardTitle id="charts-title" aside={`last ${minutes} min · red lines: operator actions`}>
        History
      </CardTitle>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Chart testId="chart-messages" title="Messages/s in, per topic" kind="stacked-area" height={H} rows={d(topics.rows)} series={topics.series} markers={markers}
          format={formatRate} summary={`now ${formatRate(now?.messagesInPerSec)} messages/s`} empty="No traffic measured yet" />
        <Chart testId="chart-risk" title="Partitions at risk" kind="step" height={H} rows={d(risk.rows)} series={risk.series} markers={markers}
          format={formatInt} summary={`now ${now?.underReplicated ?? 0} under-replicated, ${now?.underMinIsr ?? 0} under min ISR, ${now?.offline ?? 0} offline`} />
        <Chart testId="chart-leaders" title="Leaders per broker" kind="step" height={H} rows={d(leaders.rows)} series={leaders.series} markers={markers}
          format={formatInt} summary={now ? Object.entries(now.leadersPerBroker).map(([id, n]) => `broker ${id}: ${n}`).join(", ") : "no data"} />
        {bytesIn && bytesOut ? (
          <Chart testId="chart-bytes" title="Bytes in / out per broker" kind="line" height={H}
            rows={d(bytesIn.rows.map((r, i) => ({ ...r, ...bytesOut.rows[i] })))} series={[...bytesIn.series.map((s) => ({ ...s, label: `${s.label} in` })), ...bytesOut.series.map((s) => ({ ...s, label: `${s.label} out`, color: s.color + "99" }))]}
            markers={markers} format={formatBytesRate} summary="bytes per second in and out of each broker" />
        ) : (
          <Chart testId="chart-bytes" title="Bytes in / out per broker" kind="line" height={H} rows={[]} series={[]} summary="not available"
            empty="Per-broker byte rates are not available (no JMX exporter answering)" />
        )}
        <Chart testId="chart-canary" title="Canary produce latency per broker (ms)" kind="line" height={H} rows={d(canary.rows)} series={canary.series}
          markers={markers} format={formatMs} summary={`${canaryNow(now, formatMs)}; red dots and gaps: failed writes`}
          empty="No canary writes yet (the canary is off or has not written)" />
        <Chart testId="chart-disk" title="Log dir size per broker" kind="line" height={H} rows={d(disk.rows)} series={disk.series} markers={markers}
          format={formatBytes} summary={now ? Object.entries(now.logDirBytes).map(([id, n]) => `broker ${id}: ${formatBytes(n)}`).join(", ") || "not sampled yet" : "no data"}
          empty="Log dirs not sampled yet (every 30 s)" />
      </div>
    </Card>
  );
});
