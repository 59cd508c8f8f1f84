import { describe, expect, it } from "vitest";
import type { PartitionState } from "@/lib/model/cluster";
import { groupByLeader, keepLast, takeEarly, type OffsetTable } from "./high-watermarks";

const p = (topic: string, partition: number, leader: number): PartitionState => ({ topic, partition, leader, replicas: [1, 2, 3], isr: [1, 2, 3], offlineReplicas: [] });

describe("groupByLeader", () => {
  it("groups partitions by leader and topic, leaving out the leaderless", () => {
    const g = groupByLeader([p("a", 0, 1), p("a", 1, 2), p("a", 2, 1), p("b", 0, 1), p("b", 1, -1)]);
    expect([...g.keys()]).toEqual([1, 2]);
    expect(Object.fromEntries(g.get(1) ?? [])).toEqual({ a: [0, 2], b: [0] });
    expect(Object.fromEntries(g.get(2) ?? [])).toEqual({ a: [1] });
  });
});

describe("takeEarly: the early answers that still hold, the rest for a second round", () => {
  it("uses every early offset when no leader moved", () => {
    const parts = [p("a", 0, 1), p("a", 1, 2)];
    const early = new Map<number, OffsetTable>([[1, { a: { 0: 10 } }], [2, { a: { 1: 20 } }]]);
    const { found, remainder } = takeEarly(parts, early);
    expect(found).toEqual({ a: { 0: 10, 1: 20 } });
    expect(remainder.size).toBe(0);
  });

  it("never takes an ex-leader's offset: a moved partition is asked of its new leader", () => {
    // Partition a-1 moved from 2 to 3; broker 2 still answered for it in the early round.
    const parts = [p("a", 0, 1), p("a", 1, 3)];
    const early = new Map<number, OffsetTable>([[1, { a: { 0: 10 } }], [2, { a: { 1: 20 } }]]);
    const { found, remainder } = takeEarly(parts, early);
    expect(found).toEqual({ a: { 0: 10 } });
    expect(Object.fromEntries(remainder.get(3) ?? [])).toEqual({ a: [1] });
    expect(remainder.has(2)).toBe(false);
  });

  it("asks again for partitions the early answer left out (an error for them), new partitions and new topics; none for the leaderless", () => {
    const parts = [p("a", 0, 1), p("a", 1, 1), p("b", 0, 2), p("c", 0, -1)];
    const early = new Map<number, OffsetTable>([[1, { a: { 0: 10 } }]]);
    const { found, remainder } = takeEarly(parts, early);
    expect(found).toEqual({ a: { 0: 10 } });
    expect(Object.fromEntries(remainder.get(1) ?? [])).toEqual({ a: [1] });
    expect(Object.fromEntries(remainder.get(2) ?? [])).toEqual({ b: [0] });
    expect(remainder.has(-1)).toBe(false);
  });

  it("sets the leaderless apart, for their last value", () => {
    const { unled } = takeEarly([p("a", 0, 1), p("c", 0, -1)], new Map());
    expect(unled.map((x) => `${x.topic}-${x.partition}`)).toEqual(["c-0"]);
  });

  it("drops offsets of partitions no longer in the metadata (a deleted topic)", () => {
    const early = new Map<number, OffsetTable>([[1, { a: { 0: 10 }, gone: { 0: 5 } }]]);
    expect(takeEarly([p("a", 0, 1)], early).found).toEqual({ a: { 0: 10 } });
  });

  it("keeps a topic named __proto__ as an own entry", () => {
    const early = new Map<number, OffsetTable>([[1, JSON.parse('{"__proto__": {"0": 7}}') as OffsetTable]]);
    const { found } = takeEarly([p("__proto__", 0, 1)], early);
    expect(Object.keys(found)).toEqual(["__proto__"]);
    expect(found["__proto__"]?.[0]).toBe(7);
  });
});

describe("keepLast: a partition nobody could answer for keeps its last high watermark", () => {
  it("fills only what is missing, from the last poll, and leaves what the last poll did not have either", () => {
    const found: OffsetTable = { a: { 0: 12 } };
    keepLast(found, { a: { 0: 10, 1: 7 }, b: { 0: 3 } }, [{ topic: "a", partition: 0 }, { topic: "a", partition: 1 }, { topic: "b", partition: 0 }, { topic: "c", partition: 0 }]);
    expect(found).toEqual({ a: { 0: 12, 1: 7 }, b: { 0: 3 } });
  });
});
