import { describe, expect, it } from "vitest";
import type { PartitionState } from "@/lib/model/cluster";
import {
  clusterFigures,
  countsFor,
  DEFAULT_MIN_ISR,
  isOffline,
  isUnderMinIsr,
  isUnderReplicated,
  leadersPerBroker,
  effectiveIsr,
  summarisePartitions,
  withTopicRates,
} from "./figures";
import { part, topicParts } from "./test-data";

describe("partition predicates", () => {
  it("tell offline, under-replicated and under-min-ISR apart", () => {
    const ok = part("t", 0, 1, [1, 2, 3]);
    const urp = part("t", 1, 1, [1, 2, 3], [1, 2]);
    const underMin = part("t", 2, 1, [1, 2, 3], [1]);
    const offline = part("t", 3, -1, [1, 2, 3], [2]);
    expect([ok, urp, underMin, offline].map(isOffline)).toEqual([false, false, false, true]);
    expect([ok, urp, underMin, offline].map(isUnderReplicated)).toEqual([false, true, true, true]);
    expect([ok, urp, underMin, offline].map((p) => isUnderMinIsr(p, 2))).toEqual([false, false, true, true]);
  });
});

describe("summarisePartitions", () => {
  const partitions = [
    part("user_action", 0, 1, [1, 2, 3]),
    part("user_action", 1, 2, [2, 3, 1], [2, 1]),
    part("user_action", 2, -1, [3, 1, 2], [3]),
    part("content_interaction", 0, 1, [1, 2], [1, 2]),
  ];
  const s = summarisePartitions(partitions, { user_action: 2 });

  it("summarises topics sorted by name, with the cluster default min ISR when none was seen", () => {
    expect(s.topics).toEqual([
      {
        name: "content_interaction",
        partitions: 1,
        replicationFactor: 2,
        minIsr: DEFAULT_MIN_ISR,
        underReplicated: 0,
        underMinIsr: 0,
        offline: 0,
        messagesInPerSec: null,
      },
      {
        name: "user_action",
        partitions: 3,
        replicationFactor: 3,
        minIsr: 2,
        underReplicated: 2,
        underMinIsr: 1,
        offline: 1,
        messagesInPerSec: null,
      },
    ]);
    expect(s.totals).toEqual({ partitions: 4, underReplicated: 2, underMinIsr: 1, offline: 1, leaderDown: 0 });
    expect(s.kafka).toEqual({ underReplicated: 2, underMinIsr: 1, offline: 1 });
  });

  it("counts leaders, replicas and out-of-sync replicas per broker", () => {
    expect(countsFor(s.perBroker, 1)).toEqual({ leaders: 2, replicas: 4, outOfSync: 1 });
    expect(countsFor(s.perBroker, 2)).toEqual({ leaders: 1, replicas: 4, outOfSync: 1 });
    expect(countsFor(s.perBroker, 3)).toEqual({ leaders: 0, replicas: 3, outOfSync: 1 });
    expect(countsFor(s.perBroker, 42)).toEqual({ leaders: 0, replicas: 0, outOfSync: 0 });
  });

  it("takes the widest replica list as the replication factor (reassignment in flight)", () => {
    const r = summarisePartitions([part("t", 0, 1, [1, 2, 3]), part("t", 1, 1, [1, 2, 3, 4])], {});
    expect(r.topics[0]?.replicationFactor).toBe(4);
  });

  it("is safe with topic names that are Object.prototype members", () => {
    const r = summarisePartitions([part("constructor", 0, 1, [1]), part("__proto__", 0, 1, [1])], {});
    expect(r.topics.map((t) => [t.name, t.minIsr])).toEqual([
      ["__proto__", 1],
      ["constructor", 1],
    ]);
  });

  it("handles no partitions at all", () => {
    const r = summarisePartitions([], {});
    expect(r.topics).toEqual([]);
    expect(r.totals).toEqual({ partitions: 0, underReplicated: 0, underMinIsr: 0, offline: 0, leaderDown: 0 });
  });
});

describe("cluster figures", () => {
  it("lists every broker in leadersPerBroker, with 0 for one that leads nothing", () => {
    const s = summarisePartitions(topicParts("t", 4, [1, 2]), {});
    expect(leadersPerBroker([1, 2, 3], s.perBroker)).toEqual({ 1: 2, 2: 2, 3: 0 });
  });

  it("builds ClusterFigures from the summary", () => {
    const s = summarisePartitions([part("a", 0, 1, [1, 2], [1]), part("b", 0, -1, [2])], { a: 2 });
    expect(clusterFigures(s, [1, 2], 12.5)).toEqual({
      brokers: 2,
      topics: 2,
      partitions: 2,
      underReplicated: 1,
      underMinIsr: 1,
      offline: 1,
      leaderDown: 0,
      messagesInPerSec: 12.5,
      leadersPerBroker: { 1: 1, 2: 0 },
    });
  });

  it("derives the effective view: ISRs without brokers known down, a dead leader a stall while an in-sync replica waits", () => {
    const parts = [part("t", 0, 2, [2, 1, 3]), part("t", 1, 1, [1, 2, 3]), part("t", 2, 2, [2, 3, 1], [2])];
    const s = summarisePartitions(parts, { t: 2 }, { down: new Set([2]), canElect: true });
    // Kafka's metadata still says all is well but for t-2.
    expect(s.kafka).toEqual({ underReplicated: 1, underMinIsr: 1, offline: 0 });
    // t-0: leader 2 dead, 1 and 3 in sync → waiting for a leader; t-2: only 2 was in sync → offline now.
    expect(s.totals).toEqual({ partitions: 3, underReplicated: 3, underMinIsr: 1, offline: 1, leaderDown: 1 });
    expect(effectiveIsr(parts[0] as PartitionState, new Set([2]))).toEqual([1, 3]);
  });

  it("counts a dead leader as offline when no controller can elect a new one", () => {
    const parts = [part("t", 0, 2, [2, 1, 3]), part("t", 1, 1, [1, 2, 3])];
    const s = summarisePartitions(parts, { t: 2 }, { down: new Set([2, 3]), canElect: false });
    expect(s.totals).toMatchObject({ offline: 1, leaderDown: 0, underMinIsr: 2, underReplicated: 2 });
  });

  it("merges topic rates and leaves topics without one null", () => {
    const s = summarisePartitions([part("a", 0, 1, [1]), part("b", 0, 1, [1])], {});
    expect(withTopicRates(s.topics, { a: 5 }).map((t) => t.messagesInPerSec)).toEqual([5, null]);
    expect(withTopicRates(s.topics, null).map((t) => t.messagesInPerSec)).toEqual([null, null]);
  });
});
