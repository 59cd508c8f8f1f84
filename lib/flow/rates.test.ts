import { describe, expect, it } from "vitest";
import { RateCounter } from "./rates";

const T0 = 1_700_000_000_000;

describe("RateCounter", () => {
  it("counts per second and averages over whole seconds before now", () => {
    const r = new RateCounter();
    for (let s = 0; s < 10; s++) r.add(100 + s, T0 + s * 1000 + 200);
    r.add(5000, T0 + 10_100); // the current second: not in the mean yet
    expect(r.total).toBe(100 * 10 + 45 + 5000);
    expect(r.perSec(T0 + 10_500, 5)).toBe((105 + 106 + 107 + 108 + 109) / 5);
    expect(r.inSecond(Math.floor(T0 / 1000) + 3)).toBe(103);
  });

  it("forgets seconds older than its ring and ignores non-positive counts", () => {
    const r = new RateCounter();
    r.add(7, T0);
    r.add(0, T0);
    r.add(-3, T0);
    r.add(9, T0 + 60_000); // same slot, a minute later
    expect(r.inSecond(Math.floor(T0 / 1000))).toBe(0);
    expect(r.total).toBe(16);
  });
});
