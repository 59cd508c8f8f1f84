// Chart geometry in plain numbers, shared by the live charts of the pages
// (components/charts) and the standalone SVG of a drill report
// (lib/drill/report-svg): round ticks, value domains, line runs, stacks and the
// nearest point under a pointer. No drawing and no framework here.

/** A point in data space; a null y is "not measured" and breaks a line, it is never a 0. */
export type DataPoint = readonly [x: number, y: number | null];

/** Round, readable tick values covering [min, max] (steps of 1, 2 or 5 × 10^k). */
export function niceTicks(min: number, max: number, count = 5, integer = false): number[] {
  if (!(max > min)) return [min];
  const raw = Math.max((max - min) / count, integer ? 1 : 0);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  return out;
}

/**
 * The value axis for data in [lo, hi]: from min(lo, 0) up to the first round tick at
 * or above hi, so the top grid line closes the plot and the highest value stays inside.
 */
export function valueDomain(lo: number, hi: number, count = 5, integer = false): [number, number] {
  const min = Math.min(lo, 0);
  const top = hi > min ? hi : min + 1;
  const [a = 0, b = top] = niceTicks(min, top, count, integer);
  const step = b > a ? b - a : top - min;
  return [min, Math.max(Math.ceil(top / step - 1e-9) * step, min + step)];
}

/** Tick spacings a time axis may use, in ms: whole seconds, minutes and hours. */
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400].map((s) => s * 1000);

/** Clock-round instants in [from, to] (every 10 s, 1 min, 5 min…), at most `max` of them. */
export function timeTicks(from: number, to: number, max: number): number[] {
  if (!(to > from) || max < 1) return [];
  // Fewer than `max` steps in the span: with both ends on a tick that is still `max` ticks.
  const step = TIME_STEPS.find((s) => (to - from) / s < max) ?? (Math.floor((to - from) / max / 86_400_000) + 1) * 86_400_000;
  const out: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) out.push(t);
  return out;
}

/**
 * A line's points split into runs at every null (a gap is drawn as a gap). With
 * `step` each value holds until the next point: a corner point is added before
 * each change, as a gauge such as URP is read.
 */
export function lineRuns(points: readonly DataPoint[], step = false): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  let prevY: number | null = null;
  for (const [x, y] of points) {
    if (y === null) {
      if (cur.length > 0) out.push(cur);
      [cur, prevY] = [[], null];
      continue;
    }
    if (step && prevY !== null) cur.push([x, prevY]);
    cur.push([x, y]);
    prevY = y;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/**
 * Stacked series: for each series (in order, bottom first) its lower and upper
 * edge at every row. A missing value stacks as 0, so the layers above stay whole.
 */
export function stack(values: readonly (readonly (number | null)[])[]): { lower: number[]; upper: number[] }[] {
  const n = values[0]?.length ?? 0;
  let below = new Array<number>(n).fill(0);
  return values.map((v) => {
    const upper = below.map((b, i) => b + (v[i] ?? 0));
    const layer = { lower: below, upper };
    below = upper;
    return layer;
  });
}

/** Index of the value in ascending `xs` closest to `x` (-1 when empty): the row under the pointer. */
export function nearestIndex(xs: readonly number[], x: number): number {
  if (xs.length === 0) return -1;
  let [lo, hi] = [0, xs.length - 1];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs((xs[hi] as number) - x) < Math.abs(x - (xs[lo] as number)) ? hi : lo;
}
