"use client";
// A live chart that redraws on its turn, and only while it is on screen. The
// charts of a page share the snapshots, each taking every `turns`-th one, so one
// snapshot never redraws them all in one task (a page of charts redrawn at once
// was a long task at 10,000 partitions on 2 cores). The cards, the figures and
// the banner above follow every snapshot. A chart scrolled out of view keeps
// what it drew and catches up as it comes back into view.
import { memo, useEffect, useRef, useState } from "react";
import { Chart, type ChartProps } from "./chart";
import { nextDrawn, type Drawn } from "./chart-turns";

const MemoChart = memo(Chart);

export interface StaggeredChartProps extends ChartProps {
  /** Counts the updates of the data behind the charts. */
  tick: number;
  turn: number;
  turns: number;
}

export function StaggeredChart({ tick, turn, turns, ...props }: StaggeredChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver(([entry]) => setOnScreen(entry?.isIntersecting ?? true));
    io.observe(el);
    return () => io.disconnect();
  }, []);
  const shown = useRef<Drawn<ChartProps> | null>(null);
  shown.current = nextDrawn(shown.current, props, { tick, turn, turns, onScreen });
  return (
    <div ref={box} className="min-w-0">
      <MemoChart {...shown.current.props} />
    </div>
  );
}
