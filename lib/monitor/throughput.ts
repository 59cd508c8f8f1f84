// Rates from two cumulative samples. A counter that went backwards was reset
// (topic recreated, broker restarted with a fresh exporter), so it contributes
// 0 for that round rather than a negative rate; anything seen in only one
// sample is skipped.
import { own } from "./own";
import type { BrokerMetricsSample, BrokerRates, Observation } from "@/lib/model/cluster";

export type HighWatermarks = Observation["highWatermarks"];

export interface HighWatermarkSample {
  at: number;
  highWatermarks: HighWatermarks;
}

export interface MessageRates {
  /** Messages/s per topic; only topics with at least one partition in both samples. */
  perTopic: Record<string, number>;
  total: number;
}

/** Null when there is no previous sample, time did not advance, or no partition is in both. */
export function messageRates(prev: HighWatermarkSample | null, next: HighWatermarkSample): MessageRates | null {
  if (!prev) return null;
  const seconds = (next.at - prev.at) / 1000;
  if (!(seconds > 0)) return null;

  const perTopic = new Map<string, number>();
  let total = 0;
  for (const [topic, partitions] of Object.entries(next.highWatermarks)) {
    const before = own(prev.highWatermarks, topic);
    if (!before) continue;
    let delta = 0;
    let compared = false;
    for (const [partition, hw] of Object.entries(partitions)) {
      const old = own(before, partition);
      if (old === undefined) continue;
      compared = true;
      if (hw > old) delta += hw - old;
    }
    if (!compared) continue;
    const rate = delta / seconds;
    perTopic.set(topic, rate);
    total += rate;
  }
  if (perTopic.size === 0) return null;
  return { perTopic: Object.fromEntries(perTopic), total };
}

export interface MetricsReading {
  metrics: Observation["metrics"];
  metricsBefore?: Observation["metricsBefore"];
}

export function brokerRates(
  prev: Omit<BrokerMetricsSample, "at">,
  next: Omit<BrokerMetricsSample, "at">,
  seconds: number,
): BrokerRates | null {
  if (!(seconds > 0)) return null;
  const rate = (a: number, b: number) => (b > a ? (b - a) / seconds : 0);
  return {
    bytesInPerSec: rate(prev.bytesInTotal, next.bytesInTotal),
    bytesOutPerSec: rate(prev.bytesOutTotal, next.bytesOutTotal),
    messagesInPerSec: rate(prev.messagesInTotal, next.messagesInTotal),
    requestsPerSec: rate(prev.requestsTotal, next.requestsTotal),
  };
}

/**
 * Each broker's rates over the interval between its last two samples, timed by
 * the samples themselves (scrapes run on a cadence of their own, not the poll's);
 * a broker without two samples has none.
 */
export function brokerRatesById(reading: MetricsReading): Map<number, BrokerRates> {
  const out = new Map<number, BrokerRates>();
  for (const [key, sample] of Object.entries(reading.metrics)) {
    const before = reading.metricsBefore ? own(reading.metricsBefore, key) : undefined;
    if (!before) continue;
    const rates = brokerRates(before, sample, (sample.at - before.at) / 1000);
    if (rates) out.set(Number(key), rates);
  }
  return out;
}
