import { describe, expect, it } from "vitest";
import { newHistogram, recordMs, summarize, toMicros, WindowedLatency } from "./latency";

const T0 = 1_700_000_000_000;

describe("HDR latency histograms", () => {
  it("gives the percentiles of known data within the histogram's 1 % precision", () => {
    const h = newHistogram();
    for (let ms = 1; ms <= 1000; ms++) recordMs(h, ms);
    const s = summarize(h);
    expect(s.count).toBe(1000);
    expect(s.p50).toBeGreaterThanOrEqual(495);
    expect(s.p50).toBeLessThanOrEqual(505);
    expect(s.p99).toBeGreaterThanOrEqual(985);
    expect(s.p99).toBeLessThanOrEqual(1000);
    expect(s.max).toBeGreaterThanOrEqual(995);
  });

  it("keeps sub-millisecond values apart (event creation is in µs)", () => {
    const h = newHistogram();
    for (let i = 0; i < 99; i++) recordMs(h, 0.02);
    recordMs(h, 0.5);
    const s = summarize(h);
    expect(s.p50).toBeCloseTo(0.02, 3);
    expect(s.p99).toBeCloseTo(0.02, 3);
    expect(s.max).toBeCloseTo(0.5, 2);
  });

  it("weights a value by its count and reads empty as null", () => {
    const h = newHistogram();
    expect(summarize(h)).toEqual({ count: 0, p50: null, p99: null, max: null });
    recordMs(h, 10, 98);
    recordMs(h, 2000, 2);
    const s = summarize(h);
    expect(s.count).toBe(100);
    expect(s.p50).toBeCloseTo(10, 0);
    expect(s.p99).toBeGreaterThan(1900);
  });

  it("clamps what it cannot hold instead of throwing", () => {
    expect(toMicros(-5)).toBe(1);
    expect(toMicros(Number.NaN)).toBe(3_600_000_000);
    expect(toMicros(1e12)).toBe(3_600_000_000);
    const h = newHistogram();
    recordMs(h, -3);
    recordMs(h, 1e12);
    expect(summarize(h).count).toBe(2);
  });
});

describe("WindowedLatency", () => {
  it("windows the last N seconds and keeps the whole run", () => {
    const w = new WindowedLatency(10);
    w.record(1000, 50, T0); // an old slow second
    for (let s = 1; s <= 20; s++) w.record(5, 100, T0 + s * 1000);
    const now = T0 + 20_500;
    expect(w.window(now).count).toBe(1000); // seconds 11..20
    expect(w.window(now).p99).toBeCloseTo(5, 0);
    expect(w.runSummary().count).toBe(2050);
    expect(w.runSummary().p99).toBeGreaterThan(900);
  });

  it("reads one whole second for a chart point, and nothing for a second it no longer holds", () => {
    const w = new WindowedLatency(10);
    w.record(40, 3, T0 + 2000);
    w.record(80, 1, T0 + 2999);
    const sec = Math.floor((T0 + 2000) / 1000);
    expect(w.second(sec).count).toBe(4);
    expect(w.second(sec).max).toBeCloseTo(80, 0);
    w.record(1, 1, T0 + 12_000); // the same ring slot, ten seconds later
    expect(w.second(sec).count).toBe(0);
  });
});
