"use client";
// The flow over time: rates per stage, p99 latencies, the error path and the
// backlog, with the operator's actions from the monitor's timeline marked, so
// a broker kill lines up with the stall, the retries and the drain after it.
import { Chart } from "@/components/charts/chart";
import { actionMarkers, downsample } from "@/components/charts/series";
import type { FlowPoint } from "@/lib/model/flow";
import { useTimeline } from "@/lib/swr/use-timeline";
import { backlogRows, errorRows, latencyRows, rateRows } from "./flow-series";
import { fmtCount, fmtLatency } from "./flow-format";

const MAX_ROWS = 300;

export function FlowCharts({ points }: { points: FlowPoint[] }) {
  const { entries } = useTimeline();
  const first = points[0]?.at ?? 0;
  const last = points[points.length - 1];
  const markers = actionMarkers(entries, first, (last?.at ?? 0) + 1000);
  const rates = rateRows(points);
  const lat = latencyRows(points);
  const errs = errorRows(points);
  const back = backlogRows(points);
  const empty = "Start traffic: the charts fill second by second";
  return (
    <div className="grid gap-4 md:grid-cols-2" data-testid="flow-charts">
      <Chart title="Events per second" summary={last ? `created ${fmtCount(last.created)}, acknowledged ${fmtCount(last.published)} in the last second` : "no data"}
        rows={downsample(rates.rows, MAX_ROWS)} series={rates.series} markers={markers} kind="line" height={220} format={(n) => fmtCount(n)} empty={empty} testId="chart-flow-rates" />
      <Chart title="p99 latency per second" summary={last ? `publish ${fmtLatency(last.publishP99)}, handler ${fmtLatency(last.handlerP99)}, UI ${fmtLatency(last.uiP99)}` : "no data"}
        rows={downsample(lat.rows, MAX_ROWS)} series={lat.series} markers={markers} kind="line" height={220} format={(n) => fmtLatency(n)} empty={empty} testId="chart-flow-latency" />
      <Chart title="Error path per second" summary={last ? `${fmtCount(last.failures)} failed attempts, ${fmtCount(last.retried)} retried, ${fmtCount(last.deadLettered)} dead-lettered, ${fmtCount(last.publishRetries)} send retries` : "no data"}
        rows={downsample(errs.rows, MAX_ROWS)} series={errs.series} markers={markers} kind="line" height={200} format={(n) => fmtCount(n)} empty={empty} testId="chart-flow-errors" />
      <Chart title="Backlog" summary={last ? `${fmtCount(last.backlog)} not yet acknowledged, handlers ${fmtCount(last.behind)} behind` : "no data"}
        rows={downsample(back.rows, MAX_ROWS)} series={back.series} markers={markers} kind="line" height={200} format={(n) => fmtCount(n)} empty={empty} testId="chart-flow-backlog" />
    </div>
  );
}
