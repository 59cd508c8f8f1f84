import { describe, expect, it } from "vitest";
import { generateEvent, generateEvents, mulberry32, zipfRank } from "./generator";
import { encodeEvent, parseEvent } from "./model";

const NOW = 1_700_000_000_000;

describe("mulberry32", () => {
  it("is deterministic and in [0, 1)", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(mulberry32(8)()).not.toBe(mulberry32(7)());
  });
});

describe("zipfRank", () => {
  it("stays in range at the extremes", () => {
    expect(zipfRank(0, 100)).toBe(0);
    expect(zipfRank(0.999999, 100)).toBe(99);
    expect(zipfRank(0.5, 1)).toBe(0);
  });
});

describe("generateEvent", () => {
  it("is pure: same seed, index and time give the same event", () => {
    expect(generateEvent(5, NOW, { seed: 1 })).toEqual(generateEvent(5, NOW, { seed: 1 }));
    expect(generateEvent(5, NOW, { seed: 1 })).not.toEqual(generateEvent(5, NOW, { seed: 2 }));
    expect(generateEvent(5, NOW, { seed: 1 }).timestamp).toBe(NOW);
  });

  it("produces valid events with unique ids", () => {
    const events = generateEvents(2000, NOW, { seed: 3, spacingMs: 0.1 });
    for (const e of events) expect(parseEvent(e).ok).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(2000);
    expect(events[1999]!.timestamp).toBe(NOW + 199);
  });

  it("matches the 70/25/5 mix and skews users", () => {
    const events = generateEvents(20_000, NOW, { seed: 11, users: 1000 });
    const share = (type: string) => events.filter((e) => e.type === type).length / events.length;
    expect(share("user_action")).toBeCloseTo(0.7, 1);
    expect(share("content_interaction")).toBeCloseTo(0.25, 1);
    expect(share("system_event")).toBeCloseTo(0.05, 1);
    const counts = new Map<string, number>();
    for (const e of events) counts.set(e.userId, (counts.get(e.userId) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    // The hottest 1 % of users carry far more than 1 % of the traffic.
    const top = sorted.slice(0, 10).reduce((s, n) => s + n, 0);
    expect(top / events.length).toBeGreaterThan(0.2);
    expect(counts.size).toBeGreaterThan(300);
    for (const id of counts.keys()) expect(Number(id.slice(5))).toBeLessThan(1000);
  });

  it("pads to the requested record size exactly, and never truncates", () => {
    for (const size of [300, 1000, 10_000]) {
      for (let i = 0; i < 50; i++) {
        expect(encodeEvent(generateEvent(i, NOW, { seed: 9, recordBytes: size })).length).toBe(size);
      }
    }
    // 200 bytes is just above the largest bare event: padded when there is room.
    for (let i = 0; i < 50; i++) {
      const bare = encodeEvent(generateEvent(i, NOW, { seed: 9 })).length;
      const sized = encodeEvent(generateEvent(i, NOW, { seed: 9, recordBytes: 200 })).length;
      expect(sized).toBe(bare + ',"pad":""'.length < 200 ? 200 : bare);
    }
    const small = generateEvent(0, NOW, { seed: 9, recordBytes: 10 });
    expect(small).toEqual(generateEvent(0, NOW, { seed: 9 }));
  });

  it("refuses bad options", () => {
    expect(() => generateEvent(-1, NOW, { seed: 1 })).toThrow(/index/);
    expect(() => generateEvent(0, NOW, { seed: 1, users: 0 })).toThrow(/users/);
    expect(() => generateEvent(0, NOW, { seed: 1, recordBytes: 1e6 })).toThrow(/recordBytes/);
  });
});
