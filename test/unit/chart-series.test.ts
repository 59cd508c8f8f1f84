import { describe, expect, it } from "vitest";
import { OTHER, perTopicRows } from "@/components/charts/series";
import type { HistoryPoint } from "@/lib/model/cluster";

const point = (at: number, perTopic: Record<string, number>, otherTopics = 0): HistoryPoint => ({
  at,
  health: "HEALTHY",
  messagesInPerSec: Object.values(perTopic).reduce((a, b) => a + b, 0) + otherTopics,
  perTopic,
  otherTopics,
  underReplicated: 0,
  underMinIsr: 0,
  offline: 0,
  leadersPerBroker: {},
  bytesInPerSec: {},
  bytesOutPerSec: {},
  totalLag: 0,
  canaryMs: {},
  canaryFailed: [],
  logDirBytes: {},
});

describe("perTopicRows: the top 10 topics and others", () => {
  it("draws the 10 busiest over the window and folds the rest, and what points did not itemise, into one others line", () => {
    // 1,000 topics: topic i sends i msg/s; each point itemises the 20 busiest and sums the rest.
    const rates = Array.from({ length: 1000 }, (_, i) => i + 1);
    const itemised = Object.fromEntries(rates.slice(-20).map((r) => [`t${r}`, r]));
    const rest = rates.slice(0, -20).reduce((a, b) => a + b, 0);
    const points = [point(1000, itemised, rest), point(2000, itemised, rest)];
    const { rows, series } = perTopicRows(points);
    expect(series.map((s) => s.key)).toEqual([...Array.from({ length: 10 }, (_, i) => `t${1000 - i}`), OTHER]);
    expect(series.at(-1)?.label).toBe("others");
    for (const row of rows) {
      const sum = Object.entries(row).reduce((a, [k, v]) => (k === "at" ? a : a + (v ?? 0)), 0);
      expect(sum).toBe(rates.reduce((a, b) => a + b, 0));
      expect(row[OTHER]).toBe(rest + rates.slice(-20, -10).reduce((a, b) => a + b, 0));
    }
  });

  it("has no others line when every topic is drawn", () => {
    const { series } = perTopicRows([point(1, { a: 1, b: 2 }), point(2, { a: 3 })]);
    expect(series.map((s) => s.key)).toEqual(["a", "b"]);
  });
});
