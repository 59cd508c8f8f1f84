// How long a frozen leader stalls the traffic, against how long Kafka takes to
// move its partitions. The traffic runs at 1,000 events/s for 30 s; at 8 s the
// broker leading the most user_action partitions is frozen (SIGSTOP), at 23 s
// thawed. Kafka's part: when the other brokers' metadata names a new leader
// (polled every 200 ms, asking only the live brokers). The client's part: the
// first record the new leader appended (its LogAppendTime, read back by this
// bench's own consumer). Runs on the bench cluster (.data/flow-bench), N times.
// Usage: npx tsx bench/traffic-failover.ts [runs]
import type { Kafka } from "kafkajs";
import { parseConfig } from "@/lib/config";
import { kafkaClient } from "@/lib/kafka/client";
import { localClusterUp, localRuntimeFromConfig } from "@/lib/runtime/local-cluster";
import { trafficParamsSchema } from "@/lib/traffic/params";
import { TrafficRunner } from "@/lib/traffic/runner";
import { sleep } from "@/lib/util/poll";
import { median } from "./monitor-harness";

const ENV = { DATA_DIR: ".data/flow-bench", LOCAL_PORT_BASE: "23592", RUNTIME: "local", LOCAL_HEAP_MB: "768" };
const RUNS = Math.min(5, Math.max(1, Number(process.argv[2] ?? 3) || 3));
const TOPIC = "user_action";

async function leaders(bootstrap: readonly string[]): Promise<Map<number, number>> {
  const admin = kafkaClient({ bootstrap, clientId: "bench-failover-md", timeoutMs: 800, retries: 0 }).admin();
  await admin.connect();
  try {
    const md = await admin.fetchTopicMetadata({ topics: [TOPIC] });
    return new Map(md.topics[0]!.partitions.map((p) => [p.partitionId, p.leader]));
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/** Per partition, the first LogAppendTime at or after `from`. */
async function firstAppends(kafka: Kafka, from: number): Promise<Map<number, number>> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(TOPIC)).map((o) => [o.partition, Number(o.high)]));
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `bench-failover-${Date.now()}` });
  const first = new Map<number, number>();
  const done = new Set<number>();
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) if (Number(m.timestamp) >= from && !first.has(batch.partition)) first.set(batch.partition, Number(m.timestamp));
        if (Number(batch.lastOffset()) + 1 >= (ends.get(batch.partition) ?? 0)) done.add(batch.partition);
        if ([...ends].every(([p, high]) => high === 0 || done.has(p))) resolve();
      },
    });
  });
  await consumer.disconnect();
  return first;
}

async function once(run: number): Promise<{ kafka: number; client: number }[]> {
  const cfg = parseConfig({ ...process.env, ...ENV });
  const rt = localRuntimeFromConfig(cfg);
  const before = await leaders(rt.bootstrap);
  const counts = new Map<number, number>();
  for (const l of before.values()) counts.set(l, (counts.get(l) ?? 0) + 1);
  const victim = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const led = [...before].filter(([, l]) => l === victim).map(([p]) => p);
  const live = rt.bootstrap.filter((_, i) => rt.brokerIds[i] !== victim);
  const runner = new TrafficRunner(rt.bootstrap, trafficParamsSchema.parse({ rate: 1000, durationSec: 30 }));
  await runner.start();
  await sleep(8000);
  const frozenAt = Date.now();
  await rt.pause(victim);
  const moved = new Map<number, number>();
  while (Date.now() - frozenAt < 15_000) {
    const now = await leaders(live).catch(() => null);
    for (const p of led) if (now && now.get(p) !== victim && now.get(p) !== undefined && !moved.has(p)) moved.set(p, Date.now() - frozenAt);
    await sleep(200);
  }
  await rt.resume(victim);
  await runner.done();
  const s = runner.status();
  // A record the leader appended as the signal landed carries the freeze's own millisecond: not a failover.
  const first = await firstAppends(kafkaClient({ bootstrap: rt.bootstrap, clientId: "bench-failover", timeoutMs: 5000, retries: 5 }), frozenAt + 200);
  rt.close();
  const rows = led.map((p) => ({ kafka: moved.get(p) ?? NaN, client: (first.get(p) ?? NaN) - frozenAt }));
  console.log(`[run ${run}] froze broker ${victim} (led ${TOPIC} ${led.join(", ")}): ` + rows.map((r, i) => `p${led[i]} moved ${(r.kafka / 1000).toFixed(2)} s, first write ${(r.client / 1000).toFixed(2)} s`).join("; ") + `; created ${s.created}, acknowledged ${s.produced}, skipped ${s.skipped}`);
  if (s.produced !== s.created) throw new Error(`run ${run}: ${s.created - s.produced} events never acknowledged`);
  return rows;
}

async function main(): Promise<void> {
  const cfg = parseConfig({ ...process.env, ...ENV });
  await localClusterUp(cfg, (l) => console.log(`[cluster] ${l}`));
  const all: { kafka: number; client: number }[] = [];
  try {
    for (let i = 1; i <= RUNS; i++) {
      all.push(...(await once(i)));
      await sleep(12_000); // the thawed broker catches up before the next run
    }
  } finally {
    const rt = localRuntimeFromConfig(cfg);
    for (const p of await rt.list()) if (p.status === "running" || p.status === "paused") await rt.kill(p.id);
    rt.close();
  }
  const k = all.map((r) => r.kafka);
  const c = all.map((r) => r.client);
  const fmt = (xs: number[]) => `median ${(median(xs) / 1000).toFixed(2)} s, max ${(Math.max(...xs) / 1000).toFixed(2)} s`;
  console.log(`\nfrozen leader, ${all.length} partitions over ${RUNS} runs (broker.session.timeout.ms 6 s):`);
  console.log(`  Kafka moved the leader:          ${fmt(k)}`);
  console.log(`  first write on the new leader:   ${fmt(c)}`);
  console.log(`  client's part (write − move):    ${fmt(all.map((r) => r.client - r.kafka))}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
