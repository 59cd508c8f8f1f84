// Each broker's JMX figures (bytes and messages in, bytes out, requests),
// scraped in the background every METRICS_INTERVAL_MS, never on the poll's
// path. A scrape is not free for the broker: at 10,000 partitions the exporter
// spent ~65 ms of the broker's CPU per scrape here, so nine nodes scraped every
// second cost the cluster over half a core. The counters are cumulative, so a
// slower cadence loses nothing but resolution: the rate is the last interval's.
import type { BrokerMetricsSample } from "@/lib/model/cluster";
import { scrapeBrokerMetrics } from "./jmx-metrics";

export const METRICS_INTERVAL_MS = 5_000;

export interface MetricsReading {
  /** Each broker's latest sample, while it is fresh. */
  metrics: Record<number, BrokerMetricsSample>;
  /** The sample before it (for the rate over the last interval). */
  metricsBefore: Record<number, BrokerMetricsSample>;
}

export class MetricsSampler {
  private readonly latest = new Map<number, BrokerMetricsSample>();
  private readonly before = new Map<number, BrokerMetricsSample>();
  private round: Promise<void> | null = null;
  private startedAt = -Infinity;

  constructor(
    private readonly endpoints: Readonly<Record<number, string>>,
    private readonly timeoutMs: number,
    private readonly intervalMs = METRICS_INTERVAL_MS,
  ) {}

  /** The samples in hand; starts a round in the background when one is due. Never waits. */
  current(now = Date.now()): MetricsReading {
    if (!this.round && now - this.startedAt >= this.intervalMs && Object.keys(this.endpoints).length > 0) {
      this.startedAt = now;
      this.round = this.scrapeAll().finally(() => (this.round = null));
    }
    // A broker whose scrape stopped answering has no figures, rather than its last rate forever.
    const fresh = (s: BrokerMetricsSample) => now - s.at <= 2 * this.intervalMs + this.timeoutMs;
    const metrics: Record<number, BrokerMetricsSample> = {};
    const metricsBefore: Record<number, BrokerMetricsSample> = {};
    for (const [id, s] of this.latest) {
      if (!fresh(s)) continue;
      metrics[id] = s;
      const b = this.before.get(id);
      if (b) metricsBefore[id] = b;
    }
    return { metrics, metricsBefore };
  }

  /** Resolves when the round in flight (if any) is over: for tests and benches. */
  async settled(): Promise<void> {
    await this.round;
  }

  private async scrapeAll(): Promise<void> {
    await Promise.all(
      Object.entries(this.endpoints).map(async ([key, url]) => {
        const id = Number(key);
        const sample = await scrapeBrokerMetrics(url, this.timeoutMs);
        if (!sample) return;
        const last = this.latest.get(id);
        if (last) this.before.set(id, last);
        this.latest.set(id, { ...sample, at: Date.now() });
      }),
    );
  }
}
