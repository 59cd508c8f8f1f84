import { describe, expect, it } from "vitest";
import type { PartitionState } from "@/lib/model/cluster";
import { busiestLeader, diffLeaders, ledBy, leadersOf, underReplicated } from "./leaders";

const part = (topic: string, partition: number, leader: number, isr = [1, 2, 3]): PartitionState => ({
  topic, partition, leader, replicas: [1, 2, 3], isr, offlineReplicas: [],
});

describe("drill leadership", () => {
  const table = [part("d", 0, 1), part("d", 1, 2), part("d", 2, 2), part("d", 3, 3, [3, 1]), part("x", 0, 3, [3])];

  it("reads leaders of one topic and picks the busiest (lowest id on ties)", () => {
    const leaders = leadersOf(table, "d");
    expect([...leaders]).toEqual([[0, 1], [1, 2], [2, 2], [3, 3]]);
    expect(busiestLeader(leaders)).toBe(2);
    expect(busiestLeader(new Map([[0, 3], [1, 1]]))).toBe(1);
    expect(busiestLeader(new Map([[0, -1]]))).toBeNull();
    expect(ledBy(leaders, 2)).toEqual([1, 2]);
  });

  it("diffs leaders, including a partition going leaderless", () => {
    const before = new Map([[0, 1], [1, 2], [2, 2]]);
    const after = new Map([[0, 1], [1, 3], [2, -1], [5, 1]]);
    expect(diffLeaders(before, after, 42)).toEqual([
      { t: 42, partition: 1, from: 2, to: 3 },
      { t: 42, partition: 2, from: 2, to: -1 },
    ]);
  });

  it("counts under-replicated partitions across topics", () => {
    expect(underReplicated(table)).toBe(2);
    expect(underReplicated([])).toBe(0);
  });
});
