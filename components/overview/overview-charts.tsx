"use client";
import { memo, useMemo, useRef } from "react";
import type { HistoryPoint, TimelineEntry } from "@/lib/model/cluster";
import { StaggeredChart } from "@/components/charts/staggered-chart";
import { actionMarkers, canaryNow, canaryRows, downsample, perBrokerRows, perTopicRows, riskRows } from "@/components/charts/series";
import { Card, CardTitle } from "@/components/ui/card";
import { formatBytes, formatBytesRate, formatInt, formatRate } from "@/components/ui/format";
import { formatMs } from "@/components/ui/format-ms";

// 200 points over 15 min (one per 4.5 s) on a chart about 600 px wide: the cost of a redraw grows with them.
const MAX_POINTS = 200;
const H = 170;
/**
 * Six charts, three turns: two charts redrawn per snapshot, each every third (~3 s).
 * Measured at 10,027 partitions, scrolled to the charts, 90 s: three turns, no long
 * task and the longest frame 33 ms; all six every snapshot, the longest frame 67 ms.
 */
const TURNS = 3;

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
  // One tick per new set of points: each chart redraws on its own turn (StaggeredChart).
  const ticks = useRef({ points, n: 0 });
  if (ticks.current.points !== points) ticks.current = { points, n: ticks.current.n + 1 };
  const turn = (i: number) => ({ tick: ticks.current.n, turn: i, turns: TURNS });

  return (
    <Card data-testid="charts" aria-labelledby="charts-title">
      <CardTitle id="charts-title" aside={`last ${minutes} min · red lines: operator actions`}>
        History
      </CardTitle>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <StaggeredChart {...turn(0)} testId="chart-messages" title="Messages/s in, per topic" kind="stacked-area" height={H} rows={d(topics.rows)} series={topics.series} markers={markers}
          format={formatRate} summary={`now ${formatRate(now?.messagesInPerSec)} messages/s`} empty="No traffic measured yet" />
        <StaggeredChart {...turn(3)} testId="chart-risk" title="Partitions at risk" kind="step" height={H} rows={d(risk.rows)} series={risk.series} markers={markers}
          format={formatInt} summary={`now ${now?.underReplicated ?? 0} under-replicated, ${now?.underMinIsr ?? 0} under min ISR, ${now?.offline ?? 0} offline`} />
        <StaggeredChart {...turn(2)} testId="chart-leaders" title="Leaders per broker" kind="step" height={H} rows={d(leaders.rows)} series={leaders.series} markers={markers}
          format={formatInt} summary={now ? Object.entries(now.leadersPerBroker).map(([id, n]) => `broker ${id}: ${n}`).join(", ") : "no data"} />
        {bytesIn && bytesOut ? (
          <StaggeredChart {...turn(1)} testId="chart-bytes" title="Bytes in / out per broker" kind="line" height={H}
            rows={d(bytesIn.rows.map((r, i) => ({ ...r, ...bytesOut.rows[i] })))} series={[...bytesIn.series.map((s) => ({ ...s, label: `${s.label} in` })), ...bytesOut.series.map((s) => ({ ...s, label: `${s.label} out`, color: s.color + "99" }))]}
            markers={markers} format={formatBytesRate} summary="bytes per second in and out of each broker" />
        ) : (
          <StaggeredChart {...turn(1)} testId="chart-bytes" title="Bytes in / out per broker" kind="line" height={H} rows={[]} series={[]} summary="not available"
            empty="Per-broker byte rates are not available (no JMX exporter answering)" />
        )}
        <StaggeredChart {...turn(5)} testId="chart-canary" title="Canary produce latency per broker (ms)" kind="line" height={H} rows={d(canary.rows)} series={canary.series}
          markers={markers} format={formatMs} summary={`${canaryNow(now, formatMs)}; red dots and gaps: failed writes`}
          empty="No canary writes yet (the canary is off or has not written)" />
        <StaggeredChart {...turn(4)} testId="chart-disk" title="Log dir size per broker" kind="line" height={H} rows={d(disk.rows)} series={disk.series} markers={markers}
          format={formatBytes} summary={now ? Object.entries(now.logDirBytes).map(([id, n]) => `broker ${id}: ${formatBytes(n)}`).join(", ") || "not sampled yet" : "no data"}
          empty="Log dirs not sampled yet (every 30 s)" />
      </div>
    </Card>
  );
});
