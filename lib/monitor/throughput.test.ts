import { describe, expect, it } from "vitest";
import { brokerRates, brokerRatesById, messageRates } from "./throughput";
import { T0 } from "./test-data";
import type { BrokerMetricsSample } from "@/lib/model/cluster";

const sample = (at: number, highWatermarks: Record<string, Record<number, number>>) => ({ at, highWatermarks });

describe("messageRates", () => {
  it("divides high-watermark deltas by the elapsed seconds, per topic and in total", () => {
    const prev = sample(T0, { a: { 0: 100, 1: 200 }, b: { 0: 0 } });
    const next = sample(T0 + 2000, { a: { 0: 300, 1: 400 }, b: { 0: 10 } });
    expect(messageRates(prev, next)).toEqual({ perTopic: { a: 200, b: 5 }, total: 205 });
  });

  it("is null without a previous sample or when time did not advance", () => {
    const s = sample(T0, { a: { 0: 1 } });
    expect(messageRates(null, s)).toBeNull();
    expect(messageRates(s, sample(T0, { a: { 0: 5 } }))).toBeNull();
    expect(messageRates(s, sample(T0 - 1000, { a: { 0: 5 } }))).toBeNull();
  });

  it("counts a counter reset as 0 for that partition, never negative", () => {
    const prev = sample(T0, { a: { 0: 1000, 1: 50 } });
    const next = sample(T0 + 1000, { a: { 0: 3, 1: 60 } });
    expect(messageRates(prev, next)).toEqual({ perTopic: { a: 10 }, total: 10 });
  });

  it("skips partitions missing from either sample", () => {
    const prev = sample(T0, { a: { 0: 0, 1: 0 } });
    const next = sample(T0 + 1000, { a: { 0: 7, 2: 1_000_000 } });
    expect(messageRates(prev, next)?.perTopic).toEqual({ a: 7 });
  });

  it("leaves a new topic out until it has two samples", () => {
    const prev = sample(T0, { a: { 0: 0 } });
    const next = sample(T0 + 1000, { a: { 0: 1 }, fresh: { 0: 500 } });
    expect(messageRates(prev, next)).toEqual({ perTopic: { a: 1 }, total: 1 });
  });

  it("is null when no partition is in both samples (e.g. after an unreachable poll)", () => {
    expect(messageRates(sample(T0, {}), sample(T0 + 1000, { a: { 0: 1 } }))).toBeNull();
  });

  it("gives 0 for a quiet topic", () => {
    expect(messageRates(sample(T0, { a: { 0: 5 } }), sample(T0 + 1000, { a: { 0: 5 } }))).toEqual({
      perTopic: { a: 0 },
      total: 0,
    });
  });

  it("keeps a topic named __proto__ as data", () => {
    const prev = sample(T0, JSON.parse('{"__proto__":{"0":0}}') as Record<string, Record<number, number>>);
    const next = sample(T0 + 1000, JSON.parse('{"__proto__":{"0":4}}') as Record<string, Record<number, number>>);
    const r = messageRates(prev, next);
    expect(r?.total).toBe(4);
    expect(Object.hasOwn(r?.perTopic ?? {}, "__proto__")).toBe(true);
  });
});

const m = (bytesInTotal: number, bytesOutTotal: number, messagesInTotal: number, requestsTotal: number, at = T0) =>
  ({ at, bytesInTotal, bytesOutTotal, messagesInTotal, requestsTotal }) satisfies BrokerMetricsSample;

describe("brokerRates", () => {
  it("turns cumulative counters into per-second rates", () => {
    expect(brokerRates(m(0, 0, 0, 0), m(2000, 4000, 20, 10), 2)).toEqual({
      bytesInPerSec: 1000,
      bytesOutPerSec: 2000,
      messagesInPerSec: 10,
      requestsPerSec: 5,
    });
  });

  it("counts a reset counter as 0 and refuses a non-positive interval", () => {
    expect(brokerRates(m(5000, 10, 10, 10), m(100, 20, 20, 20), 1)?.bytesInPerSec).toBe(0);
    expect(brokerRates(m(0, 0, 0, 0), m(1, 1, 1, 1), 0)).toBeNull();
  });
});

describe("brokerRatesById", () => {
  it("has rates only for brokers with two samples, over the time between their own samples", () => {
    const r = brokerRatesById({
      metricsBefore: { 1: m(0, 0, 0, 0, T0), 2: m(0, 0, 0, 0, T0) },
      metrics: { 1: m(50, 50, 5, 5, T0 + 5000), 3: m(5, 5, 5, 5, T0 + 5000) },
    });
    expect([...r.keys()]).toEqual([1]);
    expect(r.get(1)?.bytesInPerSec).toBe(10);
  });

  it("is empty without an earlier sample or with dt <= 0", () => {
    const s = { 1: m(0, 0, 0, 0) };
    expect(brokerRatesById({ metrics: s }).size).toBe(0);
    expect(brokerRatesById({ metrics: s, metricsBefore: s }).size).toBe(0);
  });
});
