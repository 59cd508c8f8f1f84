// Per-broker figures from Kafka's own JMX metrics, served by the Prometheus JMX
// exporter agent on each broker (see lib/runtime/jmx-exporter-config.ts).
import type { BrokerMetricsSample } from "@/lib/model/cluster";
import { withTimeout } from "@/lib/util/poll";

type Counters = Omit<BrokerMetricsSample, "at">;

const SERIES: Record<string, keyof Counters> = {
  kafka_server_brokertopicmetrics_bytesinpersec_total: "bytesInTotal",
  kafka_server_brokertopicmetrics_bytesoutpersec_total: "bytesOutTotal",
  kafka_server_brokertopicmetrics_messagesinpersec_total: "messagesInTotal",
  kafka_network_requests_total: "requestsTotal",
};

/** Parses the exporter's text format; null when none of our series is present. */
export function parsePrometheusText(text: string): Counters | null {
  const sample: Counters = { bytesInTotal: 0, bytesOutTotal: 0, messagesInTotal: 0, requestsTotal: 0 };
  let found = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line.length === 0) continue;
    const nameEnd = line.search(/[{ ]/);
    const field = SERIES[nameEnd < 0 ? line : line.slice(0, nameEnd)];
    if (!field) continue;
    const value = Number(line.slice(line.lastIndexOf(" ") + 1));
    if (!Number.isFinite(value)) continue;
    sample[field] += value; // request counters come one series per request type
    found++;
  }
  return found > 0 ? sample : null;
}

export async function scrapeBrokerMetrics(url: string, timeoutMs: number): Promise<Counters | null> {
  const ac = new AbortController();
  try {
    // The whole exchange is bounded, body included: an exporter that sends its headers and then
    // stalls (seen here at 10,000 partitions on a busy broker) held a fetch's body read for minutes.
    return await withTimeout(
      (async () => {
        const res = await fetch(url, { signal: ac.signal });
        if (!res.ok) return null;
        return parsePrometheusText(await res.text());
      })(),
      timeoutMs,
      `${url}: no complete answer in ${timeoutMs} ms`,
    );
  } catch {
    return null;
  } finally {
    ac.abort();
  }
}
