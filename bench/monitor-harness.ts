// A dedicated cluster (and dashboard server) for the monitor benchmarks, apart
// from the demo and the test clusters: .data/bench-cluster, ports 20692..21100 (clients, controllers, metrics, slow-fault proxies), HTTP 3401.
import { parseConfig, type Config } from "@/lib/config";
import { kafkaClient } from "@/lib/kafka/client";
import { LivenessProber } from "@/lib/kafka/liveness";
import { sleep } from "@/lib/util/poll";
import { localClusterUp, localRuntimeFromConfig } from "@/lib/runtime/local-cluster";
import { startDashboard, type DashboardServer } from "@/test/dashboard-server";

export const BENCH_ENV: Record<string, string> = {
  DATA_DIR: ".data/bench-cluster",
  LOCAL_PORT_BASE: "20692",
  RUNTIME: "local",
  LOCAL_HEAP_MB: "768",
  PORT: "3401",
};
export const benchConfig = (): Config => parseConfig({ ...process.env, ...BENCH_ENV });
export const benchRuntime = () => localRuntimeFromConfig(benchConfig());
export const benchUrl = `http://127.0.0.1:${BENCH_ENV.PORT}`;

export async function benchClusterUp(): Promise<void> {
  const r = await localClusterUp(benchConfig(), (l) => console.log(`[cluster] ${l}`));
  console.log(`[cluster] up in ${(r.registeredInMs / 1000).toFixed(1)} s`);
}

export async function benchClusterDown(): Promise<void> {
  const rt = benchRuntime();
  for (const p of await rt.list()) if (p.status === "running" || p.status === "paused") await rt.kill(p.id);
}

/** Runs a fault bench on the bench cluster: up, the body, then every fault healed and the cluster down, whatever happened; exit 1 on failure. */
export function runFaultBench(body: () => Promise<void>): void {
  const run = async () => {
    await benchClusterUp();
    try {
      await body();
    } finally {
      await benchRuntime().network.healAll();
      await benchClusterDown();
    }
  };
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

export const startBenchServer = (): Promise<DashboardServer> =>
  startDashboard({ port: Number(BENCH_ENV.PORT ?? "3401"), env: BENCH_ENV });

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export const median = (values: number[]) => percentile(values, 50);

/** The bench's one big topic: with the stock topics, about 3,000 partitions on the bench cluster. */
export const BIG_TOPIC = "bench_many_partitions";

/** Creates BIG_TOPIC (2,979 partitions, RF 3) unless it exists, then lets its leaders settle. */
export async function ensureBigTopic(): Promise<void> {
  const admin = kafkaClient({ bootstrap: benchRuntime().bootstrap, timeoutMs: 120_000 }).admin();
  await admin.connect();
  try {
    if ((await admin.listTopics()).includes(BIG_TOPIC)) return;
    const t = Date.now();
    await admin.createTopics({ timeout: 120_000, waitForLeaders: false, topics: [{ topic: BIG_TOPIC, numPartitions: 2979, replicationFactor: 3 }] });
    console.log(`  (created ${BIG_TOPIC} with 2979 partitions in ${((Date.now() - t) / 1000).toFixed(1)} s)`);
  } finally {
    await admin.disconnect();
  }
  await new Promise((r) => setTimeout(r, 10_000));
}

/** A lone ApiVersions round trip to `address` every 250 ms until stopped (same process, own connection): what one request costs right now, the reference for a poll's time. */
export function roundTrips(address: string): { stop: () => Promise<number[]> } {
  const prober = new LivenessProber("bench-rtt", 5000);
  const out: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const probe = await prober.probe(address);
      if (probe.ms !== null) out.push(probe.ms);
      await sleep(250);
    }
  })();
  return { stop: async () => { running = false; await loop; prober.close(); return out; } };
}
