// Monitor cost at 1 Hz on a cluster with 3,000 partitions vs. the same monitor on
// the stock StreamSocial topics (21 partitions) in the same run: poll duration
// p50/p95 and CPU % of one core, each part's p50/p95, and as the reference a lone
// ApiVersions round trip measured meanwhile. The observer is configured as the
// dashboard's (canary on, JMX every METRICS_INTERVAL_MS).
import { KafkaObserver } from "@/lib/kafka/observe";
import { Monitor } from "@/lib/monitor/monitor";
import { benchClusterDown, benchClusterUp, benchConfig, benchRuntime, ensureBigTopic, percentile, roundTrips } from "./monitor-harness";

const SECONDS = 30;

async function measure(label: string): Promise<{ p50: number; p95: number; cpu: number; partitions: number }> {
  const cfg = benchConfig();
  const runtime = benchRuntime();
  const monitor = new Monitor({
    runtime,
    bootstrap: runtime.bootstrap,
    pollIntervalMs: 1000,
    source: new KafkaObserver({
      bootstrap: runtime.bootstrap,
      timeoutMs: cfg.ADMIN_TIMEOUT_MS,
      metricsEndpoints: runtime.metricsEndpoints,
      metricsIntervalMs: cfg.METRICS_INTERVAL_MS,
      controllerEndpoints: runtime.controllerEndpoints,
      canaryTopic: cfg.CANARY_TOPIC,
    }),
  });
  for (let i = 0; i < 3; i++) await monitor.pollOnce(); // warm connections
  const durations: number[] = [];
  const parts: Record<string, number[]> = {};
  const rtt = roundTrips(runtime.bootstrap[0] as string);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < SECONDS; i++) {
    const started = performance.now();
    const s = await monitor.pollOnce();
    durations.push(s.pollMs);
    for (const [part, ms] of Object.entries(s.pollParts ?? {})) (parts[part] ??= []).push(ms ?? 0);
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (performance.now() - started))));
  }
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  const rtts = await rtt.stop();
  const partitions = monitor.partitions.length;
  monitor.stop();
  const r = { p50: percentile(durations, 50), p95: percentile(durations, 95), cpu: ((used.user + used.system) / 1000 / wall) * 100, partitions };
  console.log(`  ${label.padEnd(22)} ${String(partitions).padStart(5)} partitions  poll p50 ${r.p50} ms  p95 ${r.p95} ms  CPU ${r.cpu.toFixed(1)} % of one core`);
  console.log(`    parts (p50/p95 ms): ${Object.entries(parts).map(([k, v]) => `${k} ${percentile(v, 50)}/${percentile(v, 95)}`).join(", ")}; ` +
    `one ApiVersions round trip meanwhile p50 ${percentile(rtts, 50).toFixed(1)} / p95 ${percentile(rtts, 95).toFixed(1)} ms → poll p95 / round-trip p95 = ${(r.p95 / Math.max(0.1, percentile(rtts, 95))).toFixed(1)}`);
  return r;
}

async function main(): Promise<void> {
  await benchClusterUp();
  try {
    console.log(`\nmonitor cost at 1 Hz over ${SECONDS} s`);
    const small = await measure("stock topics");
    await ensureBigTopic();
    const big = await measure("3,000 partitions");
    console.log(`  ratio p95 big/small: ${(big.p95 / Math.max(small.p95, 1)).toFixed(1)}  CPU big/small: ${(big.cpu / Math.max(small.cpu, 0.1)).toFixed(1)}`);
  } finally {
    await benchClusterDown();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
