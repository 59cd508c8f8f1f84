// Monitor cost at scale, on a cluster of its own: 6 brokers + 3 dedicated KRaft
// controllers (.data/scale-bench, ports 25092..25591), first with 3,000 and then
// with 10,000 partitions over 1,000 topics (RF 3). For each: the monitor's poll at
// 1 Hz for 30 s (p50/p95, CPU % of one core, heap and history bytes) and, as the
// same-run reference, Kafka's own `kafka-topics --describe` over the same cluster
// (3 runs, median; a JVM start included, as an operator pays it). Then, at 10,000
// partitions, long tasks on the pages, 60 s a view (BENCH_PAGE_SECONDS), each beside
// a blank reference page in the same browser (bench/page-long-tasks.ts).
// Usage: npx tsx bench/monitor-scale.ts   (npm run bench:scale)
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { parseConfig } from "@/lib/config";
import { kafkaClient } from "@/lib/kafka/client";
import { KafkaObserver } from "@/lib/kafka/observe";
import { Monitor } from "@/lib/monitor/monitor";
import { localClusterUp, localClusterWipe, localRuntimeFromConfig } from "@/lib/runtime/local-cluster";
import { procCpuMs } from "@/lib/runtime/proc";
import { sleep } from "@/lib/util/poll";
import os from "node:os";
import { startDashboard } from "@/test/dashboard-server";
import { median, percentile, roundTrips } from "./monitor-harness";
import { longTaskLine, pageLongTasks, type ViewLongTasks } from "./page-long-tasks";

const run = promisify(execFile);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PAGE_SECONDS = Number(process.env.BENCH_PAGE_SECONDS ?? 60);
const ENV = {
  DATA_DIR: ".data/scale-bench",
  LOCAL_PORT_BASE: "25092",
  RUNTIME: "local",
  LOCAL_BROKERS: "6",
  LOCAL_CONTROLLERS: "3",
  LOCAL_HEAP_MB: "1024",
  LOCAL_CONTROLLER_HEAP_MB: "256",
};
const cfg = parseConfig({ ...process.env, ...ENV });
const TOPICS = 1000;
const topicName = (i: number) => `bench_scale_${String(i).padStart(4, "0")}`;

async function createTopics(from: number, to: number, partitions: number): Promise<void> {
  const runtime = localRuntimeFromConfig(cfg);
  const admin = kafkaClient({ bootstrap: runtime.bootstrap, clientId: "bench-scale", timeoutMs: 120_000, retries: 3 }).admin();
  await admin.connect();
  try {
    const t0 = Date.now();
    for (let i = from; i < to; i += 100) {
      const names = Array.from({ length: Math.min(100, to - i) }, (_, k) => topicName(i + k));
      await admin.createTopics({ timeout: 120_000, waitForLeaders: false, topics: names.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 3 })) });
    }
    console.log(`  created topics ${from}..${to - 1} (${partitions} partitions each) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until the cluster's own CPU use has settled: two 10 s windows within 20 % of
 * each other, and below 60 % of the machine (at most 5 minutes). After thousands of
 * partitions are created the brokers spend a minute or more making their logs and
 * compiling, holding both cores (a steady 1.97 cores is saturation, not rest), and
 * that cluster is not the one to measure. Returns the cores it settled at.
 */
async function settle(): Promise<number> {
  const runtime = localRuntimeFromConfig(cfg);
  const pids = (await runtime.list()).flatMap((p) => (p.pid ? [p.pid] : []));
  runtime.close();
  const used = () => pids.reduce((a, pid) => a + (procCpuMs(pid) ?? 0), 0);
  const ceiling = 0.6 * os.cpus().length;
  const t0 = Date.now();
  let prev = NaN;
  let rate = NaN;
  while (Date.now() - t0 < 300_000) {
    const a = used();
    await sleep(10_000);
    rate = (used() - a) / 10_000;
    if (rate < ceiling && Math.abs(rate - prev) <= 0.2 * prev) break;
    prev = rate;
  }
  console.log(`  cluster CPU at ${rate.toFixed(2)} cores after ${((Date.now() - t0) / 1000).toFixed(0)} s${rate < ceiling ? "" : " (not settled within 5 min)"}`);
  return rate;
}

/** Kafka's own TopicCommand describing every partition: wall time of the whole command. */
async function toolDescribe(): Promise<{ ms: number; partitions: number }> {
  const runtime = localRuntimeFromConfig(cfg);
  const t0 = performance.now();
  const { stdout } = await run(cfg.JAVA_BIN, ["-Xmx512m", "-cp", `${path.join(cfg.kafkaHome, "libs")}/*`, "org.apache.kafka.tools.TopicCommand",
    "--bootstrap-server", runtime.bootstrap.join(","), "--describe"], { maxBuffer: 256 * 1024 * 1024, timeout: 300_000 });
  return { ms: performance.now() - t0, partitions: (stdout.match(/\tPartition: /g) ?? []).length };
}

interface Figures {
  partitions: number; p50: number; p95: number; cpu: number; heapMb: number; historyKb: number; toolMs: number; toolPartitions: number;
  /** Each part of the poll: p50/p95 ms. */
  parts: Record<string, [number, number]>;
  /** One ApiVersions round trip to a broker, on a connection of its own, in the same window: p50/p95 ms. */
  rtt: [number, number];
}


async function measure(label: string): Promise<Figures> {
  const runtime = localRuntimeFromConfig(cfg);
  const monitor = new Monitor({
    runtime,
    bootstrap: runtime.bootstrap,
    pollIntervalMs: 1000,
    source: new KafkaObserver({ bootstrap: runtime.bootstrap, timeoutMs: cfg.ADMIN_TIMEOUT_MS, metricsEndpoints: runtime.metricsEndpoints, metricsIntervalMs: cfg.METRICS_INTERVAL_MS, controllerEndpoints: runtime.controllerEndpoints, canaryTopic: cfg.CANARY_TOPIC }),
  });
  for (let i = 0; i < 5; i++) await monitor.pollOnce(); // warm connections and caches
  const durations: number[] = [];
  const partTimes: Record<string, number[]> = {};
  const rtt = roundTrips(runtime.bootstrap[0] as string);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < SECONDS; i++) {
    const started = performance.now();
    const snap = await monitor.pollOnce();
    durations.push(snap.pollMs);
    for (const [part, ms] of Object.entries(snap.pollParts ?? {})) (partTimes[part] ??= []).push(ms ?? 0);
    await sleep(Math.max(0, 1000 - (performance.now() - started)));
  }
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  const rtts = await rtt.stop();
  const partitions = monitor.partitions.length;
  const historyKb = monitor.historyBytes / 1024;
  monitor.stop();
  runtime.close();
  const tool = [await toolDescribe(), await toolDescribe(), await toolDescribe()];
  const f: Figures = {
    partitions,
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    cpu: ((used.user + used.system) / 1000 / wall) * 100,
    heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
    historyKb,
    toolMs: median(tool.map((t) => t.ms)),
    toolPartitions: tool[0]?.partitions ?? 0,
    parts: Object.fromEntries(Object.entries(partTimes).map(([k, v]) => [k, [percentile(v, 50), percentile(v, 95)]])),
    rtt: [Math.round(percentile(rtts, 50)), Math.round(percentile(rtts, 95))],
  };
  console.log(`  ${label}: ${f.partitions} partitions, poll p50 ${f.p50} ms p95 ${f.p95} ms, CPU ${f.cpu.toFixed(1)} % of one core, heap ${f.heapMb.toFixed(0)} MiB; ` +
    `kafka-topics --describe ${f.toolMs.toFixed(0)} ms (${f.toolPartitions} partitions) → poll p95 / tool = ${(f.p95 / f.toolMs).toFixed(3)}`);
  console.log(`    parts (p50/p95 ms): ${Object.entries(f.parts).map(([k, [a, b]]) => `${k} ${a}/${b}`).join(", ")}; ` +
    `one ApiVersions round trip meanwhile ${f.rtt[0]}/${f.rtt[1]} ms → poll p50 / round trip = ${(f.p50 / Math.max(1, f.rtt[0])).toFixed(1)}`);
  return f;
}

/**
 * The pages while 10,000-partition snapshots arrive: long tasks on the overview (as
 * it opens, and scrolled down to its charts) and on the topics page, each beside a
 * blank reference page (bench/page-long-tasks.ts).
 */
async function longTasks(): Promise<ViewLongTasks[]> {
  const port = 3460;
  const server = await startDashboard({ port, env: { ...ENV, HOST: "127.0.0.1", PORT: String(port) }, timeoutMs: 120_000 });
  try {
    return await pageLongTasks(`http://127.0.0.1:${port}`, ["/", "/#charts", "/topics"], PAGE_SECONDS);
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  await localClusterWipe(cfg);
  const up = await localClusterUp(cfg, (l) => console.log(`[cluster] ${l}`));
  console.log(`[cluster] 6 brokers + 3 controllers up in ${(up.registeredInMs / 1000).toFixed(1)} s`);
  try {
    console.log(`\nmonitor poll at 1 Hz over ${SECONDS} s, 6 brokers + 3 dedicated controllers`);
    await createTopics(0, 300, 10);
    await settle();
    const small = await measure("3,000 partitions");
    await createTopics(300, TOPICS, 10);
    await settle();
    const big = await measure("10,000 partitions");
    console.log("\n| partitions | poll p50 | poll p95 | CPU (one core) | kafka-topics --describe | p95 / tool | ApiVersions round trip p50 / p95 |");
    console.log("| --- | --- | --- | --- | --- | --- | --- |");
    for (const f of [small, big]) {
      console.log(`| ${f.partitions.toLocaleString("en-US")} | ${f.p50} ms | ${f.p95} ms | ${f.cpu.toFixed(1)} % | ${f.toolMs.toFixed(0)} ms | ${(f.p95 / f.toolMs).toFixed(3)} | ${f.rtt[0]} / ${f.rtt[1]} ms |`);
    }
    console.log(`ratio 10,000 / 3,000: poll p95 ${(big.p95 / Math.max(1, small.p95)).toFixed(2)}×, CPU ${(big.cpu / Math.max(0.1, small.cpu)).toFixed(2)}×, tool ${(big.toolMs / small.toolMs).toFixed(2)}×`);
    console.log("\nlong tasks at 10,000 partitions (> 50 ms, Chromium's PerformanceObserver):");
    for (const r of await longTasks()) console.log(`  ${longTaskLine(r, PAGE_SECONDS)}`);
  } finally {
    await localClusterWipe(cfg);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
