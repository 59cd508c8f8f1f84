import { describe, expect, it } from "vitest";
import { buildSnapshot } from "./snapshot";
import { BOOTSTRAP, hwOf, LOCAL_RUNTIME, observation, procs, T0 } from "./test-data";
import { bigObservation } from "./test-data";
import { DEFAULT_HISTORY_BYTES, DEFAULT_HISTORY_CAPACITY, historyPoint, RingBuffer } from "./history";
import { HISTORY_TOPICS } from "./topic-digest";

const item = (at: number) => ({ at });

describe("RingBuffer", () => {
  it("holds an hour at 1 Hz by default", () => {
    expect(new RingBuffer().capacity).toBe(DEFAULT_HISTORY_CAPACITY);
    expect(DEFAULT_HISTORY_CAPACITY).toBeGreaterThanOrEqual(15 * 60);
  });

  it("returns items oldest first before it is full", () => {
    const r = new RingBuffer<{ at: number }>(3);
    expect(r.toArray()).toEqual([]);
    expect(r.last()).toBeUndefined();
    r.push(item(1));
    r.push(item(2));
    expect(r.toArray()).toEqual([item(1), item(2)]);
    expect(r.size).toBe(2);
  });

  it("drops the oldest once full", () => {
    const r = new RingBuffer<{ at: number }>(3);
    for (let i = 1; i <= 7; i++) r.push(item(i));
    expect(r.toArray()).toEqual([item(5), item(6), item(7)]);
    expect(r.size).toBe(3);
    expect(r.last()).toEqual(item(7));
  });

  it("gives the items strictly after a time", () => {
    const r = new RingBuffer<{ at: number }>(4);
    for (let i = 1; i <= 6; i++) r.push(item(i * 10));
    expect(r.since(40)).toEqual([item(50), item(60)]);
    expect(r.since(0)).toEqual([item(30), item(40), item(50), item(60)]);
    expect(r.since(60)).toEqual([]);
  });

  it("can be cleared and reused", () => {
    const r = new RingBuffer<{ at: number }>(2);
    r.push(item(1));
    r.clear();
    expect(r.size).toBe(0);
    r.push(item(2));
    expect(r.toArray()).toEqual([item(2)]);
  });

  it("keeps its estimated bytes under maxBytes by dropping the oldest, and always keeps the newest", () => {
    const r = new RingBuffer<{ at: number; pad: string }>({ capacity: 100, maxBytes: 1000, sizeOf: () => 300 });
    for (let i = 1; i <= 10; i++) r.push({ at: i, pad: "" });
    expect(r.toArray().map((x) => x.at)).toEqual([8, 9, 10]);
    expect(r.bytes).toBe(900);
    const one = new RingBuffer<{ at: number }>({ capacity: 5, maxBytes: 10, sizeOf: () => 50 });
    one.push(item(1));
    one.push(item(2));
    expect(one.toArray()).toEqual([item(2)]);
    expect(one.bytes).toBe(50);
  });

  it("counts bytes right when the ring wraps by capacity", () => {
    const r = new RingBuffer<{ at: number }>({ capacity: 3, maxBytes: 1e9, sizeOf: (x) => (x as { at: number }).at });
    for (let i = 1; i <= 7; i++) r.push(item(i));
    expect(r.toArray()).toEqual([item(5), item(6), item(7)]);
    expect(r.bytes).toBe(5 + 6 + 7);
  });

  it("refuses a capacity that is not a positive integer", () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(1.5)).toThrow(RangeError);
  });
});

describe("historyPoint", () => {
  it("keeps the chart figures of a snapshot", () => {
    const zero = { at: T0, bytesInTotal: 0, bytesOutTotal: 0, messagesInTotal: 0, requestsTotal: 0 };
    const before = observation({ metrics: { 2: zero } });
    const after = observation({
      at: T0 + 1000,
      highWatermarks: { ...hwOf(before.partitions, 0), user_action: { 0: 30, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } },
      metrics: { 2: { at: T0 + 1000, bytesInTotal: 500, bytesOutTotal: 900, messagesInTotal: 30, requestsTotal: 3 } },
      metricsBefore: { 2: zero },
      groups: [
        { groupId: "g1", state: "Stable", members: 1, totalLag: 5, topics: [] },
        { groupId: "g2", state: "Empty", members: 0, totalLag: 7, topics: [] },
      ],
    });
    const input = {
      runtime: LOCAL_RUNTIME,
      processes: procs([1, 2, 3]),
      knownBrokerIds: [],
      pollMs: 3,
      bootstrap: BOOTSTRAP,
    };
    const first = buildSnapshot({ ...input, prev: null, observation: before, seq: 1 });
    const s = buildSnapshot({ ...input, prev: { snapshot: first, observation: before }, observation: after, seq: 2 });
    expect(historyPoint(s)).toEqual({
      at: T0 + 1000,
      health: "HEALTHY",
      messagesInPerSec: 30,
      perTopic: { content_interaction: 0, user_action: 30 },
      otherTopics: 0,
      underReplicated: 0,
      underMinIsr: 0,
      offline: 0,
      leadersPerBroker: { 1: 4, 2: 4, 3: 4 },
      bytesInPerSec: { 2: 500 },
      bytesOutPerSec: { 2: 900 },
      totalLag: 12,
      canaryMs: {},
      canaryFailed: [],
      logDirBytes: {},
    });
    expect(historyPoint(first)).toMatchObject({ messagesInPerSec: null, perTopic: {}, bytesInPerSec: {} });
  });
});

describe("history memory bound", () => {
  it("a point of a 1,000-topic, 10,000-partition cluster keeps the 20 busiest topics and sums the rest", () => {
    const obs = bigObservation(6, 10_000, T0, 1000);
    const later = { ...obs, at: T0 + 1000, highWatermarks: Object.fromEntries(Object.entries(obs.highWatermarks).map(([t, ps], i) => [t, Object.fromEntries(Object.entries(ps).map(([p, v]) => [p, v + i]))])) };
    const input = { runtime: LOCAL_RUNTIME, processes: null, knownBrokerIds: [], pollMs: 3, bootstrap: BOOTSTRAP };
    const first = buildSnapshot({ ...input, prev: null, observation: obs, seq: 1 });
    const s = buildSnapshot({ ...input, prev: { snapshot: first, observation: obs }, observation: later, seq: 2 });
    const p = historyPoint(s);
    expect(Object.keys(p.perTopic)).toHaveLength(HISTORY_TOPICS);
    const shown = Object.values(p.perTopic).reduce((a, b) => a + b, 0);
    expect(shown + p.otherTopics).toBeCloseTo(s.figures.messagesInPerSec ?? NaN, 6);
    expect(p.otherTopics).toBeGreaterThan(0);
    // An hour at 1 Hz of such points stays under the default byte budget, so none is dropped for size.
    expect(JSON.stringify(p).length * DEFAULT_HISTORY_CAPACITY).toBeLessThan(DEFAULT_HISTORY_BYTES);
  });

  it("a monitor's ring of points holds at most the byte budget however big each point is", () => {
    const r = new RingBuffer<{ at: number; blob: string }>({ capacity: DEFAULT_HISTORY_CAPACITY, maxBytes: 100_000 });
    for (let i = 0; i < 2000; i++) r.push({ at: i, blob: "x".repeat(1000) });
    expect(r.bytes).toBeLessThanOrEqual(100_000);
    expect(r.size).toBe(Math.floor(100_000 / JSON.stringify({ at: 1999, blob: "x".repeat(1000) }).length));
    expect(r.last()?.at).toBe(1999);
  });
});
