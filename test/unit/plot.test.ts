// The live charts' layout (components/charts/plot.ts) from plain rows: every
// point inside the plot, gaps where nothing was measured, stacks that add up,
// markers at their instant, the pointer's row.
import { describe, expect, it } from "vitest";
import { plotTimeChart, rowAt, type PlotInput } from "@/components/charts/plot";

const T0 = Date.UTC(2026, 11, 7, 14, 0, 0);
const rows = Array.from({ length: 11 }, (_, i) => ({ at: T0 + i * 1000, a: i === 5 ? null : i, b: 10 }));
const input = (over: Partial<PlotInput> = {}): PlotInput => ({
  rows,
  series: [{ key: "a", label: "a", color: "#000" }, { key: "b", label: "b", color: "#111" }],
  kind: "line",
  width: 600,
  height: 150,
  format: String,
  clock: (ms) => new Date(ms).toISOString().slice(11, 19),
  ...over,
});

/** [x, y] pairs of a path "M1,2L3,4M5,6", one array per run. */
const runs = (d: string) => d.split("M").filter(Boolean).map((run) => run.split("L").map((p) => p.split(",").map(Number) as [number, number]));

describe("plotTimeChart", () => {
  it("keeps every point inside the plot, first and last row on its edges", () => {
    const plot = plotTimeChart(input());
    const { left, right, top, bottom } = plot.box;
    for (const s of plot.shapes) for (const [x, y] of runs(s.line).flat()) {
      expect(x).toBeGreaterThanOrEqual(left);
      expect(x).toBeLessThanOrEqual(right);
      expect(y).toBeGreaterThanOrEqual(top);
      expect(y).toBeLessThanOrEqual(bottom);
    }
    expect(plot.xs[0]).toBe(left);
    expect(plot.xs.at(-1)).toBe(right);
    // b = 10 is the highest value: the top tick is at or above it.
    const topTick = plot.yTicks.at(-1)!;
    expect(Number(topTick.label)).toBeGreaterThanOrEqual(10);
    expect(plot.yTicks[0]).toEqual({ y: bottom, label: "0" });
  });

  it("breaks a line where a value is missing, never drawing it as 0", () => {
    const a = runs(plotTimeChart(input()).shapes[0]!.line);
    expect(a.map((r) => r.length)).toEqual([5, 5]);
  });

  it("draws steps with a corner before each change, and whole-number ticks", () => {
    const plot = plotTimeChart(input({ kind: "step", rows: rows.map((r, i) => ({ at: r.at, a: i < 3 ? 1 : 3, b: 2 })) }));
    const [run] = runs(plot.shapes[0]!.line);
    expect(run!.length).toBe(11 + 10);
    // The corner at row 3 keeps row 2's height, then jumps.
    expect(run![5]![1]).toBe(run![4]![1]);
    expect(run![6]![1]).toBeLessThan(run![5]![1]);
    for (const t of plot.yTicks) expect(Number.isInteger(Number(t.label))).toBe(true);
  });

  it("stacks areas so the top layer's edge is the sum of all", () => {
    const plot = plotTimeChart(input({ kind: "stacked-area", rows: rows.map((r) => ({ at: r.at, a: 3, b: 7 })) }));
    const [a, b] = plot.shapes;
    const yOf = (d: string) => runs(d)[0]![0]![1];
    const { top, bottom } = plot.box;
    const scale = (bottom - yOf(b!.line)) / 10;
    expect((bottom - yOf(a!.line)) / scale).toBeCloseTo(3, 0);
    expect(yOf(b!.line)).toBeGreaterThanOrEqual(top);
    expect(a!.area).toMatch(/Z$/);
    // The upper layer's band starts where the lower one's top is.
    expect(runs(b!.area!.replace("Z", ""))[0]!.at(-1)![1]).toBeCloseTo(yOf(a!.line), 1);
  });

  it("draws an event series as dots only where it happened", () => {
    const plot = plotTimeChart(input({ series: [{ key: "f", label: "failed", color: "#f00", dots: true }], rows: rows.map((r, i) => ({ at: r.at, f: i === 4 ? 0 : null })) }));
    expect(plot.shapes[0]!.line).toBe("");
    const dots = plot.shapes[0]!.dots!;
    expect(dots).toHaveLength(1);
    expect(dots[0]!.x).toBeCloseTo(plot.xs[4]!, 1);
    expect(dots[0]!.y).toBe(plot.box.bottom);
  });

  it("puts markers at their instant, drops those outside the window, merges close ones", () => {
    const plot = plotTimeChart(input({ markers: [{ at: T0 + 5000, label: "kill 2" }, { at: T0 + 5100, label: "start 2" }, { at: T0 - 60_000, label: "old" }] }));
    expect(plot.markers).toHaveLength(1);
    expect(plot.markers[0]).toMatchObject({ x: plot.xs[5], label: "kill 2 +1", row: 0 });
    expect(plot.markers[0]!.details).toHaveLength(2);
  });

  it("labels round clock instants on the time axis, not more than fit", () => {
    const plot = plotTimeChart(input({ width: 200 }));
    expect(plot.xTicks.length).toBeGreaterThan(0);
    expect(plot.xTicks.length).toBeLessThanOrEqual(2);
    for (const t of plot.xTicks) expect(t.label).toMatch(/^14:00:(00|05|10)$/);
  });

  it("finds the row under the pointer, none off the plot", () => {
    const plot = plotTimeChart(input());
    expect(rowAt(plot, plot.xs[3]! + 2)).toBe(3);
    expect(rowAt(plot, plot.box.right)).toBe(10);
    expect(rowAt(plot, 0)).toBeNull();
    expect(rowAt(plotTimeChart(input({ rows: [] })), 100)).toBeNull();
  });
});

describe("time axis labels", () => {
  it("anchors a label at the right edge inward, so it is never cut off", () => {
    const plot = plotTimeChart(input({ rows: rows.map((r) => ({ ...r, at: r.at + 500 })), width: 300 }));
    const last = plot.xTicks.at(-1)!;
    expect(last.x).toBeGreaterThan(300 - 32);
    expect(last.anchor).toBe("end");
    expect(plot.xTicks[0]!.anchor).toBe("middle");
  });
});

describe("value axis labels", () => {
  it("moves the axis right of its widest label, so '1,000 ms' is not cut off", () => {
    const fmt = (n: number) => `${n.toLocaleString("en-US")} ms`;
    const narrow = plotTimeChart(input({ format: fmt, rows: rows.map((r) => ({ at: r.at, a: 1, b: 2 })) }));
    const wide = plotTimeChart(input({ format: fmt, rows: rows.map((r) => ({ at: r.at, a: 1, b: 1500 })) }));
    const widest = Math.max(...wide.yTicks.map((t) => t.label.length));
    expect(widest).toBeGreaterThanOrEqual(8);
    expect(wide.box.left).toBeGreaterThanOrEqual(widest * 6 + 6);
    expect(wide.box.left).toBeGreaterThan(narrow.box.left);
    expect(wide.xs[0]).toBe(wide.box.left);
  });
});
