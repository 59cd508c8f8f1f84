"use client";
// A live chart that redraws on its turn, and only while it is on screen. The
// charts of a page share the snapshots, each taking every `turns`-th one, so one
// snapshot never redraws them all in one task: six recharts charts redrawn together
// took 50-120 ms of the main thread here, a long task every second. At 1 Hz and six
// turns a chart is at most 6 s behind; the cards, the figures and the banner above
// it follow every snapshot. A chart scrolled out of view keeps what it drew and
// catches up as it comes back into view.
import { memo, useEffect, useRef, useState } from "react";
import { Chart, type ChartProps } from "./chart";

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
  const shown = useRef<{ props: ChartProps; onScreen: boolean } | null>(null);
  const last = shown.current;
  // Until it has something to draw, a chart takes every update (the first ones must not wait their turn);
  // coming back into view it takes the latest at once.
  const take = last === null || last.props.rows.length < 2 || (onScreen && (tick % turns === turn % turns || !last.onScreen));
  if (take || last.onScreen !== onScreen) shown.current = { props: take ? props : last.props, onScreen };
  return (
    <div ref={box} className="min-w-0">
      <MemoChart {...(shown.current as { props: ChartProps }).props} />
    </div>
  );
}
