import { describe, expect, it } from "vitest";
import { Pacer, msUntilNext } from "./pacer";

const T0 = 1_000_000;

describe("Pacer", () => {
  it("follows the schedule: rate × elapsed, nothing before the start", () => {
    const p = new Pacer({ ratePerSec: 1000, startedAt: T0, endsAt: T0 + 10_000, maxRecords: 10_000 });
    expect(p.take(T0 - 5).count).toBe(0);
    expect(p.take(T0 + 10).count).toBe(10);
    expect(p.take(T0 + 10).count).toBe(0);
    expect(p.take(T0 + 1000).count).toBe(990);
    expect(p.total).toBe(1000);
  });

  it("catches up after a late tick, but is bounded by count and by time", () => {
    const p = new Pacer({ ratePerSec: 100, startedAt: T0, endsAt: T0 + 5000, maxRecords: 300 });
    expect(p.take(T0 + 2500).count).toBe(250);
    expect(p.done(T0 + 2500)).toBe(false);
    expect(p.take(T0 + 60_000).count).toBe(50); // capped at maxRecords
    expect(p.done(T0 + 2600)).toBe(true);
    const q = new Pacer({ ratePerSec: 100, startedAt: T0, endsAt: T0 + 1000, maxRecords: 1e9 });
    expect(q.take(T0 + 99_000).count).toBe(100); // nothing due after endsAt
    expect(q.done(T0 + 1000)).toBe(true);
  });

  it("skips what does not fit instead of owing it later", () => {
    const p = new Pacer({ ratePerSec: 1000, startedAt: T0, endsAt: T0 + 10_000, maxRecords: 10_000 });
    expect(p.take(T0 + 1000, 300)).toEqual({ count: 300, skipped: 700 });
    expect(p.take(T0 + 1100).count).toBe(100);
  });

  it("refuses a zero rate", () => {
    expect(() => new Pacer({ ratePerSec: 0, startedAt: T0, endsAt: T0 + 1, maxRecords: 1 })).toThrow(/rate/);
  });

  it("sleeps between ticks within bounds", () => {
    expect(msUntilNext(10_000)).toBe(1);
    expect(msUntilNext(10)).toBe(50);
    expect(msUntilNext(100)).toBe(10);
  });
});
