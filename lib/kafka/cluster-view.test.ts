import { describe, expect, it } from "vitest";
import { mergeAnswers } from "./cluster-view";

const p = (partition: number, leader: number, epoch: number, isr: number[]) => ({ topic: "t", partition, leader, epoch, replicas: [1, 2, 3], isr, offlineReplicas: [] });
const brokers = (...ids: number[]) => ids.map((id) => ({ id, address: `127.0.0.1:${19091 + id}` }));

describe("mergeAnswers", () => {
  it("takes each partition from the answer with the highest leader epoch: a stale broker is outvoted", () => {
    // Broker 1 is partitioned away and still thinks it leads partition 0 at epoch 4.
    const stale = { from: 1, brokers: brokers(1, 2, 3), partitions: [p(0, 1, 4, [1, 2, 3]), p(1, 2, 7, [1, 2, 3])] };
    const fresh = { from: 2, brokers: brokers(2, 3), partitions: [p(0, 3, 5, [2, 3]), p(1, 2, 7, [2, 3])] };
    const m = mergeAnswers([stale, fresh]);
    expect(m.partitions.map((x) => [x.partition, x.leader, x.isr])).toEqual([
      [0, 3, [2, 3]],
      [1, 2, [1, 2, 3]], // equal epochs: the first answer's
    ]);
    // Broker 1 lists itself, but nobody else does any more: fenced.
    expect(m.registered).toEqual([2, 3]);
  });

  it("a broker that alone answered counts as registered; an unmapped address counts everything it lists", () => {
    expect(mergeAnswers([{ from: 3, brokers: brokers(3), partitions: [] }]).registered).toEqual([3]);
    expect(mergeAnswers([{ from: null, brokers: brokers(1, 2), partitions: [] }, { from: 2, brokers: brokers(1, 2), partitions: [] }]).registered).toEqual([1, 2]);
  });
});
