import { describe, expect, it } from "vitest";
import { lineRuns, nearestIndex, niceTicks, stack, timeTicks, valueDomain } from "./geometry";

describe("chart geometry", () => {
  it("picks round value ticks, whole numbers only when asked", () => {
    expect(niceTicks(0, 36)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(0, 1000)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(niceTicks(0, 2)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(niceTicks(0, 2, 5, true)).toEqual([0, 1, 2]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });

  it("closes the value axis on a round tick at or above the highest value, from 0", () => {
    expect(valueDomain(0, 36)).toEqual([0, 40]);
    expect(valueDomain(5, 1000)).toEqual([0, 1000]);
    expect(valueDomain(0, 0)).toEqual([0, 1]);
    expect(valueDomain(0, 3, 4, true)).toEqual([0, 3]);
    expect(valueDomain(-4, 9)[0]).toBe(-4);
    const [, top] = valueDomain(0, 2.6, 4, true);
    expect(Number.isInteger(top) && top >= 2.6).toBe(true);
  });

  it("puts time ticks on round clock instants, never more than asked", () => {
    const from = Date.UTC(2026, 11, 7, 14, 0, 7);
    const ticks = timeTicks(from, from + 15 * 60_000, 6);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    const step = (ticks[1] as number) - (ticks[0] as number);
    expect([120_000, 300_000]).toContain(step);
    for (const t of ticks) {
      expect(t % step).toBe(0);
      expect(t).toBeGreaterThanOrEqual(from);
      expect(t).toBeLessThanOrEqual(from + 15 * 60_000);
    }
    expect(timeTicks(from, from + 20_000, 11)).toEqual([8, 10, 12, 14, 16, 18, 20, 22, 24, 26].map((s) => Date.UTC(2026, 11, 7, 14, 0, s)));
    expect(timeTicks(from, from, 5)).toEqual([]);
    expect(timeTicks(0, 30 * 86_400_000, 3).length).toBeLessThanOrEqual(3);
  });

  it("breaks a line at every null and holds a step's value until the next point", () => {
    expect(lineRuns([[0, 1], [1, 2], [2, null], [3, 4]])).toEqual([[[0, 1], [1, 2]], [[3, 4]]]);
    expect(lineRuns([[0, 1], [1, 3]], true)).toEqual([[[0, 1], [1, 1], [1, 3]]]);
    expect(lineRuns([[0, null], [1, null]])).toEqual([]);
  });

  it("stacks layers bottom first, a missing value as 0", () => {
    expect(stack([[1, 2, null], [10, null, 30]])).toEqual([
      { lower: [0, 0, 0], upper: [1, 2, 0] },
      { lower: [1, 2, 0], upper: [11, 2, 30] },
    ]);
    expect(stack([])).toEqual([]);
  });

  it("finds the row nearest the pointer", () => {
    const xs = [0, 10, 20, 30];
    expect([-5, 4, 6, 15.1, 29, 99].map((x) => nearestIndex(xs, x))).toEqual([0, 0, 1, 2, 3, 3]);
    expect(nearestIndex([], 3)).toBe(-1);
    expect(nearestIndex([7], 3)).toBe(0);
  });
});
