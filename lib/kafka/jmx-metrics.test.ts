import { describe, expect, it } from "vitest";
import { parsePrometheusText } from "./jmx-metrics";

describe("parsePrometheusText", () => {
  it("reads the broker counters and sums request series", () => {
    const text = [
      "# HELP kafka_server_brokertopicmetrics_bytesinpersec_total x",
      "# TYPE kafka_server_brokertopicmetrics_bytesinpersec_total counter",
      "kafka_server_brokertopicmetrics_bytesinpersec_total 2048.0",
      "kafka_server_brokertopicmetrics_bytesoutpersec_total 4096.0",
      "kafka_server_brokertopicmetrics_messagesinpersec_total 12.0",
      'kafka_network_requests_total{_objectname="x",request="Fetch"} 193.0',
      'kafka_network_requests_total{_objectname="y",request="Produce"} 7.0',
      "jvm_memory_bytes_used 1.0E9",
    ].join("\n");
    expect(parsePrometheusText(text)).toEqual({ bytesInTotal: 2048, bytesOutTotal: 4096, messagesInTotal: 12, requestsTotal: 200 });
  });

  it("says nothing is there when the series are missing or garbage", () => {
    expect(parsePrometheusText("jvm_threads_current 80\n")).toBeNull();
    expect(parsePrometheusText("")).toBeNull();
    expect(parsePrometheusText("kafka_network_requests_total{} NaNx\n")).toBeNull();
  });
});

describe("scrapeBrokerMetrics", () => {
  it("gives up within its timeout on an exporter that sends its headers and then stalls (a real socket on loopback)", async () => {
    const { createServer } = await import("node:http");
    const { scrapeBrokerMetrics } = await import("./jmx-metrics");
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("kafka_server_brokertopicmetrics_bytesinpersec_total 1.0\n"); // and never ends
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    try {
      const t0 = Date.now();
      expect(await scrapeBrokerMetrics(`http://127.0.0.1:${port}/metrics`, 300)).toBeNull();
      expect(Date.now() - t0).toBeLessThan(2000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
