// npm run bench:producer -- [--records 150000]
// Producer throughput on the 3-broker cluster, acks=all, 200-byte records, one
// topic: the drill's pump with its producer and with the kafkajs one it replaced (1, 2 and 4 lanes) vs Kafka's own
// ProducerPerformance (Java) vs @platformatic/kafka. Count-bounded runs.
import { spawn } from "node:child_process";
import path from "node:path";
import { config } from "@/lib/config";
import { DrillPump } from "@/lib/drill/pump";
import { encodeDrillRecord } from "@/lib/drill/record";
import { connectDrillProducer } from "@/lib/kafka/producer-drill";
import { connectKafkajsDrillProducer } from "@/lib/kafka/producer-drill-kafkajs";
import { platformaticProducer } from "@/lib/kafka/producer-platformatic";
import { ensureTopics } from "@/lib/kafka/topics";
import { selectRuntime } from "@/lib/runtime/select";

const TOPIC = "streamsocial_bench";
const RECORD_BYTES = 200;
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  const v = i === -1 ? NaN : Number(process.argv[i + 1]);
  return Number.isInteger(v) && v > 0 ? Math.min(v, 2_000_000) : fallback;
};

interface Result {
  name: string;
  records: number;
  seconds: number;
  perSec: number;
  cpuSec?: number;
  detail?: string;
}

async function pumpRun(bootstrap: readonly string[], records: number, lanes: number, client: "kafkajs" | "drill"): Promise<Result> {
  const connect = client === "kafkajs" ? connectKafkajsDrillProducer : connectDrillProducer;
  const producers = await Promise.all(Array.from({ length: lanes }, (_, i) => connect({ bootstrap, topic: TOPIC, clientId: `bench-${client}-${i}` })));
  // Warm the connections so the clock measures sending, not connecting.
  await Promise.all(producers.map((p, i) => p.send(i % p.partitions, [{ key: "w", value: "warmup" }])));
  const rate = 50_000; // the pump's ceiling: the cluster and the client set the pace
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  const pump = new DrillPump({
    lanes: producers.map((producer, i) => ({ producer, producerId: `bench${t0}-${i}` })),
    rate,
    durationSec: Math.ceil(records / rate),
    recordBytes: RECORD_BYTES,
    startedAt: t0,
    drainMs: 300_000,
    signal: new AbortController().signal,
    backlogSec: 1000,
  });
  await pump.run();
  const seconds = ((pump.ackSamples.at(-1)?.t ?? Date.now()) - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await Promise.all(producers.map((p) => p.disconnect()));
  const detail = `avg batch ${Math.round(pump.acked.length / Math.max(1, pump.sends))} records, avg send ${Math.round(pump.sendMs / Math.max(1, pump.sends))} ms`;
  return { name: `${client === "kafkajs" ? "kafkajs (the old drill producer)" : "drill producer (raw idempotent Produce)"}, pump, ${lanes} lane${lanes > 1 ? "s" : ""}`, detail, records: pump.acked.length, seconds, perSec: pump.acked.length / seconds, cpuSec: (cpu.user + cpu.system) / 1e6 };
}

async function platformatic(bootstrap: readonly string[], records: number, concurrency = 4, batch = 1000): Promise<Result> {
  const producer = platformaticProducer(bootstrap);
  const value = encodeDrillRecord({ producerId: "bench-plt", seq: 0, key: "user-0", sentAt: Date.now() }, RECORD_BYTES);
  await producer.send(TOPIC, [{ key: "w", value: "warmup" }]);
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  let next = 0;
  let sent = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < records) {
        const n = Math.min(batch, records - next);
        const from = next;
        next += n;
        await producer.send(TOPIC, Array.from({ length: n }, (_, i) => ({ key: `user-${(from + i) % 10_000}`, value })));
        sent += n;
      }
    }),
  );
  const seconds = (Date.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await producer.close();
  return { name: `@platformatic/kafka, ${concurrency} concurrent sends of ${batch}`, records: sent, seconds, perSec: sent / seconds, cpuSec: (cpu.user + cpu.system) / 1e6 };
}

function producerPerformance(kafkaHome: string, bootstrap: readonly string[], records: number, tuned = false): Promise<Result> {
  // Defaults (batch.size 16 KB, linger.ms 5) or batches as large as the kafkajs pump's.
  const extra = tuned ? ["batch.size=262144", "linger.ms=10"] : [];
  const args = [
    "-Xmx512m", "-cp", `${path.join(kafkaHome, "libs")}/*`, "org.apache.kafka.tools.ProducerPerformance",
    "--topic", TOPIC, "--num-records", String(records), "--record-size", String(RECORD_BYTES), "--throughput", "-1",
    "--producer-props", `bootstrap.servers=${bootstrap.join(",")}`, "acks=all", ...extra,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn("java", args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 300_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      // "200000 records sent, 95238.1 records/sec (18.16 MB/sec), 120.3 ms avg latency, ..."
      const m = /(\d+) records sent, ([\d.]+) records\/sec/.exec(out.split("\n").filter((l) => l.includes("records sent")).at(-1) ?? "");
      if (code !== 0 || !m) return reject(new Error(`ProducerPerformance failed (exit ${code}):\n${out.slice(-2000)}`));
      const perSec = Number(m[2]);
      resolve({ name: `Kafka ProducerPerformance (Java${tuned ? ", 256 KB batches" : ""})`, records: Number(m[1]), seconds: Number(m[1]) / perSec, perSec });
    });
  });
}

async function main(): Promise<void> {
  const records = arg("--records", 150_000);
  const cfg = config();
  const runtime = await selectRuntime(cfg);
  const bootstrap = cfg.KAFKA_BROKERS ?? runtime.bootstrap;
  runtime.close();
  await ensureTopics(bootstrap, [{ name: TOPIC, partitions: 6, replicationFactor: 3, description: "producer benchmark" }]);
  console.log(`producer throughput: ${records} records of ${RECORD_BYTES} bytes, acks=all, topic ${TOPIC} on ${bootstrap.join(",")}`);
  const results: Result[] = [];
  const run = async (f: () => Promise<Result>) => {
    const r = await f();
    results.push(r);
    console.log(`  ${r.name.padEnd(46)} ${Math.round(r.perSec).toLocaleString("en").padStart(9)} events/s  (${r.records} in ${r.seconds.toFixed(1)} s${r.cpuSec ? `, ${r.cpuSec.toFixed(1)} CPU-s in node = ${((r.cpuSec / r.records) * 1e6).toFixed(0)} µs/event` : ""}${r.detail ? `; ${r.detail}` : ""})`);
  };
  await run(() => producerPerformance(cfg.kafkaHome, bootstrap, records));
  await run(() => producerPerformance(cfg.kafkaHome, bootstrap, records, true));
  for (const lanes of [1, 2, 4]) await run(() => pumpRun(bootstrap, records, lanes, "kafkajs"));
  for (const lanes of [1, 2, 4]) await run(() => pumpRun(bootstrap, records, lanes, "drill"));
  await run(() => platformatic(bootstrap, records));
  const java = results[0]!.perSec;
  console.log("\nratios (vs Kafka ProducerPerformance):");
  for (const r of results) console.log(`  ${r.name.padEnd(46)} ${(r.perSec / java).toFixed(2)}×`);
  const best = Math.max(...results.filter((r) => r.name.startsWith("kafkajs")).map((r) => r.perSec));
  console.log(`\nkafkajs best: ${Math.round(best)} events/s — ${best >= 10_000 ? "reaches" : "does NOT reach"} the drill's 10,000 events/s here`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
