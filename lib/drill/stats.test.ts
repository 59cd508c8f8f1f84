import { describe, expect, it } from "vitest";
import { evaluateCriteria } from "./criteria";
import { perSecondSeries, ratePerSec, type CountSample, type DrillTimeline } from "./series";
import { computeDrillFigures, recoveryMs, urpClearedAfterRestartMs } from "./stats";

const T0 = 1_700_000_000_000;
const s = (sec: number) => T0 + sec * 1000;

/** Acks every 100 ms for `durationSec`, at `rateAt(second)` per second. */
function acksAt(durationSec: number, rateAt: (sec: number) => number): CountSample[] {
  const out: CountSample[] = [];
  for (let ms = 0; ms < durationSec * 1000; ms += 100) {
    const count = rateAt(ms / 1000) / 10;
    if (count > 0) out.push({ t: T0 + ms, count });
  }
  return out;
}

function timeline(over: Partial<DrillTimeline> = {}): DrillTimeline {
  return {
    startedAt: T0, finishedAt: s(60), killedAt: s(20), restartedAt: s(40),
    // 10k/s, a 5-s hole after the kill, 9.5k/s while a broker is down, 10k/s after the restart.
    acks: acksAt(60, (t) => (t < 20 ? 10_000 : t < 25 ? 0 : t < 40 ? 9_500 : 10_000)),
    errors: [{ t: s(21), count: 3 }, { t: s(22.5), count: 2 }],
    retries: [{ t: s(21), count: 7 }],
    urp: [{ t: s(10), value: 0 }, { t: s(30), value: 4 }, { t: s(41), value: 4 }, { t: s(45), value: 0 }, { t: s(50), value: 0 }],
    partitionAcks: [{ partition: 0, t: s(19) }, { partition: 0, t: s(25.3) }, { partition: 3, t: s(26) }, { partition: 1, t: s(20.2) }],
    movedPartitions: [0, 3],
    ...over,
  };
}

describe("perSecondSeries", () => {
  it("buckets counts per second and carries URP forward", () => {
    const points = perSecondSeries(timeline());
    expect(points).toHaveLength(60);
    expect(points[5]).toEqual({ t: 5, acks: 10_000, errors: 0, retries: 0, urp: null });
    expect(points[10]!.urp).toBe(0);
    expect(points[21]).toMatchObject({ acks: 0, errors: 3, retries: 7, urp: 0 });
    expect(points[30]!.urp).toBe(4);
    expect(points[44]!.urp).toBe(4);
    expect(points[45]!.urp).toBe(0);
    expect(points[59]!.acks).toBe(10_000);
  });

  it("drops samples outside the drill and keeps one point for a zero-length drill", () => {
    const points = perSecondSeries(timeline({ finishedAt: T0, acks: [{ t: T0 - 5, count: 9 }, { t: T0, count: 1 }] }));
    expect(points).toEqual([{ t: 0, acks: 1, errors: 0, retries: 0, urp: null }]);
  });
});

describe("ratePerSec", () => {
  it("is per second over a half-open window, null when empty", () => {
    expect(ratePerSec([{ t: 0, count: 10 }, { t: 2000, count: 10 }], 0, 2000)).toBe(5);
    expect(ratePerSec([], 0, 1000)).toBe(0);
    expect(ratePerSec([], 1000, 1000)).toBeNull();
  });
});

describe("computeDrillFigures", () => {
  it("measures the typical drill", () => {
    const f = computeDrillFigures(timeline());
    expect(f.baselineAcksPerSec).toBeCloseTo(10_000);
    // 5 s at 0 and 15 s at 9.5k over 20 s.
    expect(f.outageAcksPerSec).toBeCloseTo(7_125);
    expect(f.degradationPct).toBeCloseTo(28.75);
    // The first 1-s window with ≥ 9k acks after the hole is [25, 26) s.
    expect(f.recoveryMs).toBe(6_000);
    expect(f.firstWrites).toEqual([{ partition: 0, ms: 5_300 }, { partition: 3, ms: 6_000 }]);
    expect(f.firstWriteAfterKillMs).toBe(6_000);
    expect(f.urpClearedAfterRestartMs).toBe(5_000);
    expect(f).toMatchObject({ peakUrp: 4, totalErrors: 5, totalRetries: 7 });
    expect(evaluateCriteria({ figures: f, verify: { missing: { count: 0 } } }).passed).toBe(true);
  });

  it("ignores the warm-up in the baseline", () => {
    const f = computeDrillFigures(timeline({ acks: acksAt(60, (t) => (t < 2 ? 100 : 10_000)) }));
    expect(f.baselineAcksPerSec).toBeCloseTo(10_000);
  });

  it("handles no traffic before the kill: no baseline, so no degradation or recovery, and the criteria fail", () => {
    const f = computeDrillFigures(timeline({ acks: acksAt(60, (t) => (t < 20 ? 0 : 10_000)) }));
    expect(f.baselineAcksPerSec).toBe(0);
    expect(f.degradationPct).toBeNull();
    expect(f.recoveryMs).toBeNull();
    const c = evaluateCriteria({ figures: f, verify: { missing: { count: 0 } } });
    expect(c.passed).toBe(false);
    expect(c.checks.map((x) => x.passed)).toEqual([true, false, false]);
  });

  it("throughput that never recovers gives null recovery, 100 % degradation and a failure", () => {
    const f = computeDrillFigures(
      timeline({ acks: acksAt(60, (t) => (t < 20 ? 10_000 : 0)), restartedAt: null, partitionAcks: [{ partition: 0, t: s(19) }] }),
    );
    expect(f.outageAcksPerSec).toBe(0);
    expect(f.degradationPct).toBe(100);
    expect(f.recoveryMs).toBeNull();
    expect(f.firstWrites).toEqual([{ partition: 0, ms: null }, { partition: 3, ms: null }]);
    expect(f.firstWriteAfterKillMs).toBeNull();
    expect(evaluateCriteria({ figures: f, verify: { missing: { count: 0 } } }).passed).toBe(false);
  });

  it("with no restart: the outage runs to the end and URP clearing is not measured", () => {
    const f = computeDrillFigures(timeline({ restartedAt: null, acks: acksAt(60, (t) => (t < 20 ? 10_000 : 7_000)) }));
    expect(f.outageAcksPerSec).toBeCloseTo(7_000);
    expect(f.degradationPct).toBeCloseTo(30);
    expect(f.urpClearedAfterRestartMs).toBeNull();
  });

  it("with no kill: baseline over the whole run, nothing else measured", () => {
    const f = computeDrillFigures(timeline({ killedAt: null, restartedAt: null }));
    expect(f.baselineAcksPerSec).toBeGreaterThan(0);
    expect(f).toMatchObject({ outageAcksPerSec: null, degradationPct: null, recoveryMs: null, firstWriteAfterKillMs: null });
    expect(f.firstWrites.every((w) => w.ms === null)).toBe(true);
  });

  it("clamps degradation at 0 when the outage beats the baseline", () => {
    const f = computeDrillFigures(timeline({ acks: acksAt(60, (t) => (t < 20 ? 5_000 : 9_000)) }));
    expect(f.degradationPct).toBe(0);
    expect(f.recoveryMs).toBe(0);
  });

  it("no moved partitions: no first-write figure", () => {
    const f = computeDrillFigures(timeline({ movedPartitions: [] }));
    expect(f.firstWrites).toEqual([]);
    expect(f.firstWriteAfterKillMs).toBeNull();
  });
});

describe("recoveryMs", () => {
  it("a throughput that stays under 90 % while the broker is down recovers only after the restart", () => {
    const tl = timeline({ acks: acksAt(60, (t) => (t < 20 ? 10_000 : t < 40 ? 8_000 : 10_000)) });
    expect(recoveryMs(tl, 10_000)).toBe(20_500);
  });

  it("needs the rate held for 3 s: a brief blip back does not count", () => {
    const tl = timeline({ acks: acksAt(60, (t) => (t < 20 ? 10_000 : t < 22 ? 0 : t < 23 ? 10_000 : t < 30 ? 0 : 10_000)) });
    // Back to 10k at 30 s: the window (29.9, 30.9] already holds 9k.
    expect(recoveryMs(tl, 10_000)).toBe(10_900);
  });

  it("counts 90 % as recovered, just under as not", () => {
    const at90 = timeline({ acks: acksAt(60, (t) => (t < 20 ? 10_000 : t < 24 ? 0 : 9_000)) });
    expect(recoveryMs(at90, 10_000)).toBe(5_000);
    const under = timeline({ acks: acksAt(60, (t) => (t < 20 ? 10_000 : t < 24 ? 0 : 8_990)) });
    expect(recoveryMs(under, 10_000)).toBeNull();
  });

  it("is null when the drill ends before 3 s of recovered throughput", () => {
    const tl = timeline({ finishedAt: s(27), acks: acksAt(27, (t) => (t < 20 ? 10_000 : t < 25 ? 0 : 10_000)) });
    expect(recoveryMs(tl, 10_000)).toBeNull();
  });

  it("is null without a positive baseline", () => {
    expect(recoveryMs(timeline(), 0)).toBeNull();
    expect(recoveryMs(timeline(), null)).toBeNull();
  });
});

describe("urpClearedAfterRestartMs", () => {
  it("takes the last return to 0, not a stale 0 right after the restart", () => {
    const tl = timeline({ urp: [{ t: s(40), value: 0 }, { t: s(42), value: 2 }, { t: s(47), value: 0 }] });
    expect(urpClearedAfterRestartMs(tl)).toBe(7_000);
  });

  it("is null when URP is still up at the last reading, or there is no reading", () => {
    expect(urpClearedAfterRestartMs(timeline({ urp: [{ t: s(45), value: 0 }, { t: s(50), value: 1 }] }))).toBeNull();
    expect(urpClearedAfterRestartMs(timeline({ urp: [] }))).toBeNull();
  });
});
