import { describe, expect, it } from "vitest";
import type { TopicSummary } from "@/lib/model/cluster";
import { summarisePartitions } from "./figures";
import { part, topicParts } from "./test-data";
import { notableTopics, topTopicRates } from "./topic-digest";
import { partitionRow, TopicIndex, type IndexInput } from "./topic-index";

const ids = [1, 2, 3];

function input(over: Partial<IndexInput> = {}): IndexInput {
  const partitions = over.partitions ?? [
    ...topicParts("alpha", 4, ids),
    ...topicParts("beta", 3, ids),
    // gamma/0 lost broker 3 from its ISR; gamma/1 has one replica left (under min ISR); gamma/2 has no leader.
    part("gamma", 0, 1, [1, 2, 3], [1, 2]),
    part("gamma", 1, 2, [2, 3, 1], [2]),
    part("gamma", 2, -1, [3, 1, 2], []),
  ];
  const minIsr = over.minIsr ?? { alpha: 2, beta: 2, gamma: 2 };
  const down = over.down ?? new Set<number>();
  const canElect = over.canElect ?? true;
  const { topics } = summarisePartitions(partitions, minIsr, { down, canElect });
  return { partitions, topics, minIsr, down, canElect, groups: [], ...over };
}

describe("partitionRow", () => {
  it("judges on the effective ISR: a down follower makes it under-replicated, a down leader with no live ISR offline", () => {
    const p = part("t", 0, 1, [1, 2, 3]);
    expect(partitionRow(p, 2, new Set(), true)).toMatchObject({ status: "ok", effectiveIsr: [1, 2, 3], isr: [1, 2, 3] });
    expect(partitionRow(p, 2, new Set([3]), true)).toMatchObject({ status: "under-replicated", effectiveIsr: [1, 2] });
    expect(partitionRow(p, 2, new Set([2, 3]), true)).toMatchObject({ status: "under-min-isr", effectiveIsr: [1] });
    expect(partitionRow(p, 2, new Set([1, 2, 3]), true).status).toBe("offline");
    // A dead leader with live in-sync replicas is a stall while Kafka can elect, offline when nobody can.
    expect(partitionRow(p, 2, new Set([1]), true).status).toBe("under-replicated");
    expect(partitionRow(p, 2, new Set([1]), false).status).toBe("offline");
  });
});

describe("TopicIndex.partitions", () => {
  it("puts the worst first, then topic and partition, and pages", () => {
    const index = new TopicIndex(input());
    const all = index.partitions({ state: "all", offset: 0, limit: 100 });
    expect(all.total).toBe(10);
    expect(all.items.slice(0, 3).map((r) => [r.topic, r.partition, r.status])).toEqual([
      ["gamma", 2, "offline"],
      ["gamma", 1, "under-min-isr"],
      ["gamma", 0, "under-replicated"],
    ]);
    expect(all.items.slice(3).map((r) => `${r.topic}/${r.partition}`)).toEqual(["alpha/0", "alpha/1", "alpha/2", "alpha/3", "beta/0", "beta/1", "beta/2"]);
    const page2 = index.partitions({ state: "all", offset: 4, limit: 3 });
    expect(page2).toMatchObject({ total: 10, offset: 4, limit: 3 });
    expect(page2.items.map((r) => `${r.topic}/${r.partition}`)).toEqual(["alpha/1", "alpha/2", "alpha/3"]);
    expect(index.partitions({ state: "all", offset: 50, limit: 3 }).items).toEqual([]);
  });

  it("filters by topic and by state", () => {
    const index = new TopicIndex(input());
    expect(index.partitions({ state: "problems", offset: 0, limit: 100 }).total).toBe(3);
    expect(index.partitions({ state: "under-min-isr", offset: 0, limit: 100 }).items.map((r) => r.partition)).toEqual([1]);
    expect(index.partitions({ state: "ok", offset: 0, limit: 100 }).total).toBe(7);
    const beta = index.partitions({ topic: "beta", state: "all", offset: 0, limit: 2 });
    expect(beta.total).toBe(3);
    expect(beta.items.map((r) => r.partition)).toEqual([0, 1]);
    expect(index.partitions({ topic: "beta", state: "problems", offset: 0, limit: 10 }).total).toBe(0);
    expect(index.partitions({ topic: "nope", state: "all", offset: 0, limit: 10 }).total).toBe(0);
  });

  it("shows a down broker's partitions as they really are while Kafka still lists it in the ISR", () => {
    const index = new TopicIndex(input({ partitions: topicParts("alpha", 3, ids), minIsr: { alpha: 2 }, down: new Set([2]) }));
    const rows = index.partitions({ state: "under-replicated", offset: 0, limit: 10 }).items;
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.isr).toContain(2);
      expect(r.effectiveIsr).not.toContain(2);
    }
  });

  it("pages 10,000 partitions without losing or repeating one", () => {
    const partitions = Array.from({ length: 1000 }, (_, t) => topicParts(`t${String(t).padStart(4, "0")}`, 10, [1, 2, 3, 4, 5, 6])).flat();
    const index = new TopicIndex(input({ partitions, minIsr: {}, down: new Set([4]) }));
    const seen = new Set<string>();
    for (let offset = 0; offset < 10_000; offset += 1000) {
      for (const r of index.partitions({ state: "all", offset, limit: 1000 }).items) seen.add(`${r.topic}/${r.partition}`);
    }
    expect(seen.size).toBe(10_000);
    // Broker 4 (down) is a replica of 6 of every topic's 10 partitions.
    expect(index.partitions({ state: "problems", offset: 0, limit: 1 }).total).toBe(6000);
  });
});

describe("TopicIndex.topics", () => {
  it("lists trouble first, then by name; filters by name and state; carries lag", () => {
    const index = new TopicIndex({ ...input(), groups: [{ groupId: "g", state: "Stable", members: 1, totalLag: 9, topics: [{ topic: "beta", lag: 9 }] }] });
    const all = index.topics({ state: "all", offset: 0, limit: 10 });
    expect(all.items.map((t) => t.name)).toEqual(["gamma", "alpha", "beta"]);
    expect(all.items.map((t) => t.lag)).toEqual([null, null, 9]);
    expect(index.topics({ q: "ALP", state: "all", offset: 0, limit: 10 }).items.map((t) => t.name)).toEqual(["alpha"]);
    expect(index.topics({ state: "problems", offset: 0, limit: 10 }).items.map((t) => t.name)).toEqual(["gamma"]);
    expect(index.topics({ state: "offline", offset: 0, limit: 10 }).total).toBe(1);
    expect(index.topics({ state: "ok", offset: 0, limit: 10 }).items.map((t) => t.name)).toEqual(["alpha", "beta"]);
    expect(index.topics({ state: "all", offset: 1, limit: 1 })).toMatchObject({ total: 3, items: [{ name: "alpha" }] });
    expect(index.counts).toEqual({ topics: 3, partitions: 10, offline: 1, underMinIsr: 2, underReplicated: 3 });
  });
});

const summary = (name: string, rate: number | null, trouble = 0): TopicSummary => ({
  name,
  partitions: 1,
  replicationFactor: 3,
  minIsr: 2,
  underReplicated: trouble,
  underMinIsr: 0,
  offline: 0,
  messagesInPerSec: rate,
});

describe("notableTopics and topTopicRates", () => {
  it("carries every troubled topic first, then the busiest, at most max", () => {
    const topics = [summary("a", 5), summary("b", 50), summary("c", null, 2), summary("d", 1), summary("e", 500)];
    expect(notableTopics(topics, 3).map((t) => t.name)).toEqual(["c", "e", "b"]);
    expect(notableTopics(topics, 10)).toHaveLength(5);
  });

  it("keeps the busiest rates and sums the rest of the cluster's total as other", () => {
    const topics = [summary("a", 5), summary("b", 50), summary("c", null), summary("d", 1), summary("__proto__", 7)];
    const r = topTopicRates(topics, 70, 2);
    expect(r.perTopic).toEqual(Object.fromEntries([["b", 50], ["__proto__", 7]]));
    expect(Object.keys(r.perTopic)).toEqual(["b", "__proto__"]);
    expect(r.otherTopics).toBe(13);
    expect(topTopicRates(topics, null, 2).otherTopics).toBe(0);
  });
});
