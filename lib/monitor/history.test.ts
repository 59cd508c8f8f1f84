import { describe, expect, it } from "vitest";
import { buildSnapshot } from "./snapshot";
import { BOOTSTRAP, hwOf, LOCAL_RUNTIME, observation, procs, T0 } from "./test-data";
import { DEFAULT_HISTORY_CAPACITY, historyPoint, RingBuffer } from "./history";

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

  it("refuses a capacity that is not a positive integer", () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(1.5)).toThrow(RangeError);
  });
});

describe("historyPoint", () => {
  it("keeps the chart figures of a snapshot", () => {
    const zero = { bytesInTotal: 0, bytesOutTotal: 0, messagesInTotal: 0, requestsTotal: 0 };
    const before = observation({ metrics: { 2: zero } });
    const after = observation({
      at: T0 + 1000,
      highWatermarks: { ...hwOf(before.partitions, 0), user_action: { 0: 30, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } },
      metrics: { 2: { bytesInTotal: 500, bytesOutTotal: 900, messagesInTotal: 30, requestsTotal: 3 } },
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
      underReplicated: 0,
      underMinIsr: 0,
      offline: 0,
      leadersPerBroker: { 1: 4, 2: 4, 3: 4 },
      bytesInPerSec: { 2: 500 },
      bytesOutPerSec: { 2: 900 },
      totalLag: 12,
      canaryMs: {},
      canaryFailed: [],
    });
    expect(historyPoint(first)).toMatchObject({ messagesInPerSec: null, perTopic: {}, bytesInPerSec: {} });
  });
});
