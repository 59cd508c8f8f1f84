"use client";
// A titled chart with its one-sentence summary for screen readers, or a dashed
// box saying why there is nothing to draw yet. The chart itself loads after the
// page (it needs the browser's layout for its size anyway), which keeps it out
// of the first-load JavaScript the cards wait for.
import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import type { TimeChartProps } from "./time-chart";

const TimeChart = dynamic(() => import("./time-chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-full w-full" />,
});

export interface ChartProps extends TimeChartProps {
  title: string;
  /** One sentence for screen readers: what the chart shows now. */
  summary: string;
  empty?: ReactNode;
  testId?: string;
}

export function Chart({ title, summary, empty, testId, ...chart }: ChartProps) {
  const blank = chart.rows.length < 2 || chart.series.length === 0;
  return (
    <figure data-testid={testId} className="min-w-0">
      <figcaption className="mb-1 text-sm font-medium">{title}</figcaption>
      <div role="img" aria-label={`${title}: ${summary}`} style={{ height: chart.height }} className="text-slate-600 dark:text-slate-400">
        {blank ? (
          <div className="flex h-full items-center justify-center rounded-md border border-dashed border-slate-300 text-sm dark:border-slate-700">
            {empty ?? "Not enough data yet"}
          </div>
        ) : (
          <TimeChart {...chart} />
        )}
      </div>
    </figure>
  );
}
