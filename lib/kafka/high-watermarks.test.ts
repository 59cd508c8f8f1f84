import { describe, expect, it } from "vitest";
import type { PartitionState } from "@/lib/model/cluster";
import { groupByLeader, keepLast, type OffsetTable } from "./high-watermarks";

const p = (topic: string, partition: number, leader: number): PartitionState => ({ topic, partition, leader, replicas: [1, 2, 3], isr: [1, 2, 3], offlineReplicas: [] });

describe("groupByLeader", () => {
  it("groups partitions by leader and topic, leaving out the leaderless", () => {
    const g = groupByLeader([p("a", 0, 1), p("a", 1, 2), p("a", 2, 1), p("b", 0, 1), p("b", 1, -1)]);
    expect([...g.keys()]).toEqual([1, 2]);
    expect(Object.fromEntries(g.get(1) ?? [])).toEqual({ a: [0, 2], b: [0] });
    expect(Object.fromEntries(g.get(2) ?? [])).toEqual({ a: [1] });
  });
});

describe("keepLast: a partition nobody could answer for keeps its last high watermark", () => {
  it("fills only what is missing (a silent leader, an error, no leader), from the last poll", () => {
    const found: OffsetTable = { a: { 0: 12 } };
    keepLast(found, { a: { 0: 10, 1: 7 }, b: { 0: 3 } }, [p("a", 0, 1), p("a", 1, 2), p("b", 0, -1), p("c", 0, 1)]);
    expect(found).toEqual({ a: { 0: 12, 1: 7 }, b: { 0: 3 } });
  });

  it("drops what the metadata no longer has (a deleted topic)", () => {
    const found: OffsetTable = {};
    keepLast(found, { a: { 0: 10 }, gone: { 0: 5 } }, [p("a", 0, 1)]);
    expect(found).toEqual({ a: { 0: 10 } });
  });

  it("keeps a topic named __proto__ as an own entry", () => {
    const found: OffsetTable = {};
    keepLast(found, JSON.parse('{"__proto__": {"0": 7}}') as OffsetTable, [p("__proto__", 0, 1)]);
    expect(Object.keys(found)).toEqual(["__proto__"]);
    expect(found["__proto__"]?.[0]).toBe(7);
  });
});
