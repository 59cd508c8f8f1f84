// A time chart laid out in pixels from plain rows: the axes' ticks, one SVG
// path per series, the markers. Pure, so it is unit-tested with plain data and
// the component only turns the result into elements. A redraw is a few short
// path strings (at most 200 rows), not a tree of components per point.
import { lineRuns, nearestIndex, niceTicks, stack, timeTicks, valueDomain } from "@/lib/chart/geometry";
import { mergeMarkers, type Marker, type Row, type Series } from "./series";

export type ChartKind = "stacked-area" | "line" | "step";

export interface PlotInput {
  rows: readonly Row[];
  series: readonly Series[];
  markers?: readonly Marker[];
  kind: ChartKind;
  width: number;
  height: number;
  format: (n: number) => string;
  clock: (ms: number) => string;
}

export interface Shape {
  key: string;
  color: string;
  /** The line (or the top edge of a stacked layer); "" when nothing was measured. */
  line: string;
  /** The filled band of a stacked layer. */
  area?: string;
  /** Event series: a dot per row where it happened. */
  dots?: { x: number; y: number }[];
}

export interface Plot {
  /** The plot area inside the axes: left, right, top and bottom edges in px. */
  box: { left: number; right: number; top: number; bottom: number };
  /** A label near an edge is anchored inward so it is not cut off. */
  xTicks: { x: number; label: string; anchor: "start" | "middle" | "end" }[];
  yTicks: { y: number; label: string }[];
  shapes: Shape[];
  markers: { x: number; label: string; details: string[]; row: number }[];
  /** The x of every row, ascending: the pointer finds its row here. */
  xs: number[];
}

/** `left` is the narrowest; the widest value label widens it (see `left` below). */
export const MARGIN = { left: 28, right: 12, top: 8, bottom: 20 } as const;
/** About one character of 11 px sans-serif; the label sits 6 px left of the axis. */
const CHAR_PX = 6.6;
/** About the width of "14:03:22" at 11 px plus a gap. */
const X_TICK_PX = 64;
const Y_TICK_PX = 28;

const r1 = (n: number) => Math.round(n * 10) / 10;
const pathOf = (runs: [number, number][][]) => runs.map((run) => `M${run.map(([x, y]) => `${r1(x)},${r1(y)}`).join("L")}`).join("");

export function plotTimeChart({ rows, series, markers = [], kind, width, height, format, clock }: PlotInput): Plot {
  const top = MARGIN.top;
  const bottom = Math.max(top + 1, height - MARGIN.bottom);
  const from = rows[0]?.at ?? 0;
  const to = Math.max(rows.at(-1)?.at ?? 1, from + 1);

  const values = series.map((s) => rows.map((r) => (typeof r[s.key] === "number" ? (r[s.key] as number) : null)));
  const layers = kind === "stacked-area" ? stack(values) : null;
  let lo = 0;
  let hi = 0;
  for (const v of layers ? layers.map((l) => l.upper) : values) for (const y of v) if (y !== null) [lo, hi] = [Math.min(lo, y), Math.max(hi, y)];
  const yCount = Math.max(2, Math.min(5, Math.floor((bottom - top) / Y_TICK_PX)));
  const integer = kind === "step";
  const [y0, y1] = valueDomain(lo, hi, yCount, integer);
  const yLabels = niceTicks(y0, y1, yCount, integer).map((v) => ({ v, label: format(v) }));
  // The axis sits right of its widest label ("1,000 ms" must not be cut off), within reason.
  const left = Math.min(Math.max(MARGIN.left, Math.ceil(Math.max(0, ...yLabels.map((t) => t.label.length)) * CHAR_PX) + 10), Math.max(MARGIN.left, width / 3));
  const box = { left, right: Math.max(left + 1, width - MARGIN.right), top, bottom };
  const px = (t: number) => box.left + ((t - from) / (to - from)) * (box.right - box.left);
  const py = (v: number) => box.bottom - ((v - y0) / (y1 - y0)) * (box.bottom - box.top);

  const xs = rows.map((r) => px(r.at));
  const shapes: Shape[] = series.map((s, i) => {
    const v = values[i] as (number | null)[];
    if (s.dots) {
      return { key: s.key, color: s.color, line: "", dots: v.flatMap((y, j) => (y === null ? [] : [{ x: r1(xs[j] as number), y: r1(py(y)) }])) };
    }
    const layer = layers?.[i];
    if (layer) {
      const upper = layer.upper.map((y, j) => [xs[j] as number, py(y)] as [number, number]);
      const lower = layer.lower.map((y, j) => [xs[j] as number, py(y)] as [number, number]).reverse();
      return { key: s.key, color: s.color, line: pathOf([upper]), area: `${pathOf([[...upper, ...lower]])}Z` };
    }
    const runs = lineRuns(rows.map((r, j) => [r.at, v[j] ?? null]), kind === "step");
    return { key: s.key, color: s.color, line: pathOf(runs.map((run) => run.map(([t, y]) => [px(t), py(y)]))) };
  });

  const maxX = Math.max(1, Math.floor((box.right - box.left) / X_TICK_PX));
  return {
    box,
    xTicks: timeTicks(from, to, maxX).map((t) => {
      const x = r1(px(t));
      return { x, label: clock(t), anchor: x > width - X_TICK_PX / 2 ? "end" : x < X_TICK_PX / 2 ? "start" : "middle" };
    }),
    yTicks: yLabels.map(({ v, label }) => ({ y: r1(py(v)), label })),
    shapes,
    // Close markers become one (mergeMarkers); the rest are staggered over three label rows.
    markers: mergeMarkers(markers, from, to, clock)
      .filter((m) => m.at >= from && m.at <= to)
      .map((m, i) => ({ x: r1(px(m.at)), label: m.label, details: m.details ?? [m.label], row: i % 3 })),
    xs,
  };
}

/** The row under a pointer at `x` px, or null off the plot or with no rows. */
export function rowAt(plot: Plot, x: number): number | null {
  if (x < plot.box.left - 4 || x > plot.box.right + 4) return null;
  const i = nearestIndex(plot.xs, x);
  return i < 0 ? null : i;
}
