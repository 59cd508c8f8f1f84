import { describe, expect, it } from "vitest";
import { RatePacer } from "./pacer";

const T0 = 1_000_000;

describe("RatePacer", () => {
  it("makes exactly rate × duration by the end, tick by tick", () => {
    const p = new RatePacer(1000, T0, T0 + 20_000);
    let made = 0;
    for (let t = T0; t <= T0 + 20_100; t += 50) made += p.take(t);
    expect(made).toBe(20_000);
    expect(p.done(T0 + 20_000)).toBe(true);
  });

  it("skips what does not fit the backlog instead of owing it", () => {
    const p = new RatePacer(100, T0, T0 + 10_000);
    expect(p.take(T0 + 1000, 30)).toBe(30);
    expect(p.skipped).toBe(70);
    expect(p.take(T0 + 2000)).toBe(100); // the next second is not a burst
  });

  it("follows a rate change from that instant and moves the count bound with it", () => {
    const p = new RatePacer(100, T0, T0 + 10_000);
    expect(p.take(T0 + 5000)).toBe(500);
    p.setRate(1000, T0 + 5000);
    expect(p.countBound).toBe(500 + 5000);
    expect(p.take(T0 + 6000)).toBe(1000);
    expect(p.take(T0 + 20_000)).toBe(4000);
    expect(p.total).toBe(5500);
  });

  it("keeps the operator's own count bound whatever the rate", () => {
    const p = new RatePacer(500, T0, T0 + 60_000, 300);
    expect(p.take(T0 + 10_000)).toBe(300);
    expect(p.done(T0 + 10_000)).toBe(true);
    p.setRate(2000, T0 + 10_000);
    expect(p.take(T0 + 20_000)).toBe(0);
  });

  it("refuses a rate that is not positive", () => {
    expect(() => new RatePacer(0, T0, T0 + 1)).toThrow(/rate/);
    expect(() => new RatePacer(1, T0, T0 + 1).setRate(-1, T0)).toThrow(/rate/);
  });
});
