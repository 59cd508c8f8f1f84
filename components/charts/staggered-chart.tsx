"use client";
// A live chart that redraws on its turn. The charts of a page share the snapshots,
// each taking every `turns`-th one, so one snapshot never redraws them all in one
// task: six recharts charts redrawn together took 50-120 ms of the main thread here,
// a long task every second. At 1 Hz and six turns a chart is at most 6 s behind;
// the cards, the figures and the banner above it follow every snapshot.
import { memo, useRef } from "react";
import { Chart, type ChartProps } from "./chart";

const MemoChart = memo(Chart);

export interface StaggeredChartProps extends ChartProps {
  /** Counts the updates of the data behind the charts. */
  tick: number;
  turn: number;
  turns: number;
}

export function StaggeredChart({ tick, turn, turns, ...props }: StaggeredChartProps) {
  const shown = useRef<ChartProps | null>(null);
  // Until it has something to draw, a chart takes every update (the first ones must not wait their turn).
  if (shown.current === null || tick % turns === turn % turns || shown.current.rows.length < 2) shown.current = props;
  return <MemoChart {...shown.current} />;
}
