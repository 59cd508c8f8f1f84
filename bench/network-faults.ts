// Network faults, timed against Kafka's own view on the bench cluster
// (.data/bench-cluster, ports 20692..; no dashboard needed): a partition of a
// broker that is not the controller → fenced (the others' metadata drops it) →
// its leaders moved → acks=all writes to those partitions acknowledged again;
// heal → back in every ISR. The reference, measured in the same run on the same
// broker: the same sequence for a hard kill and a restart. Median of RUNS.
// npx tsx bench/network-faults.ts [runs=3]   (root: iptables and cgroups)
import { registeredBrokers } from "@/lib/kafka/brokers";
import { kafkaClient } from "@/lib/kafka/client";
import { pollUntil } from "@/lib/util/poll";
import { produceAnswer, quorumLeaderByKafka } from "@/test/matrix/probes";
import { benchConfig, benchRuntime, median, runFaultBench } from "./monitor-harness";

const RUNS = Math.max(1, Math.min(5, Number(process.argv[2] ?? 3)));
const TOPIC = "user_action";
const cfg = benchConfig();
const runtime = benchRuntime();
const addressOf = (id: number) => runtime.bootstrap[runtime.brokerIds.indexOf(id)] as string;

interface Leadership {
  leader: number;
  isr: number[];
  replicas: number[];
}

async function leadership(from: readonly string[]): Promise<Map<number, Leadership>> {
  const admin = kafkaClient({ bootstrap: from, clientId: "bench-netfault", timeoutMs: 3000, retries: 1 }).admin();
  await admin.connect();
  try {
    const md = await admin.fetchTopicMetadata({ topics: [TOPIC] });
    return new Map((md.topics[0]?.partitions ?? []).map((p) => [p.partitionId, { leader: p.leader, isr: p.isr, replicas: p.replicas }]));
  } finally {
    await admin.disconnect();
  }
}

interface Times {
  fencedMs: number;
  leadersMovedMs: number;
  writesMs: number;
  backInIsrMs: number;
}

async function once(victim: number, fault: "partition" | "kill"): Promise<Times> {
  const others = runtime.brokerIds.filter((id) => id !== victim).map(addressOf);
  const led = [...(await leadership(others)).entries()].filter(([, p]) => p.leader === victim).map(([id]) => id);
  const t0 = Date.now();
  if (fault === "partition") await runtime.network.apply(victim, "partition");
  else await runtime.kill(victim);
  const since = () => Date.now() - t0;
  const bound = { timeoutMs: 120_000, intervalMs: 100 };
  if (!(await pollUntil(async () => !(await registeredBrokers(others)).some((b) => b.id === victim), bound))) throw new Error("never fenced");
  const fencedMs = since();
  if (!(await pollUntil(async () => [...(await leadership(others)).values()].every((p) => p.leader !== victim && p.leader >= 0), bound))) throw new Error("leaders never moved");
  const leadersMovedMs = since();
  const writes = async () => {
    const now = await leadership(others);
    const answers = await Promise.all(led.map((p) => produceAnswer(addressOf(now.get(p)?.leader ?? -1), TOPIC, p, 2000).catch(() => "no answer" as const)));
    return answers.every((a) => a === 0);
  };
  if (!(await pollUntil(writes, bound))) throw new Error("writes never flowed again");
  const writesMs = since();
  const t1 = Date.now();
  if (fault === "partition") await runtime.network.heal(victim);
  else await runtime.start(victim);
  if (!(await pollUntil(async () => [...(await leadership(others)).values()].every((p) => p.isr.length === p.replicas.length), { timeoutMs: 180_000, intervalMs: 200 }))) {
    throw new Error("never back in every ISR");
  }
  return { fencedMs, leadersMovedMs, writesMs, backInIsrMs: Date.now() - t1 };
}

async function main(): Promise<void> {
  const controllers = Object.values(runtime.controllerEndpoints);
  const rows: Record<"partition" | "kill", Times[]> = { partition: [], kill: [] };
  for (let i = 0; i < RUNS; i++) {
    const ctrl = await quorumLeaderByKafka(cfg.kafkaHome, cfg.JAVA_BIN, controllers);
    const victim = runtime.brokerIds.find((id) => id !== ctrl) as number;
    for (const fault of ["partition", "kill"] as const) {
      const t = await once(victim, fault);
      rows[fault].push(t);
      console.log(`run ${i + 1} ${fault} broker ${victim}: fenced ${t.fencedMs} ms, leaders moved ${t.leadersMovedMs} ms, writes flowing ${t.writesMs} ms; back in every ISR ${t.backInIsrMs} ms after the heal/start`);
    }
  }
  const m = (f: "partition" | "kill", k: keyof Times) => median(rows[f].map((r) => r[k]));
  console.log(`\nmedian of ${RUNS} | partition | kill (reference) | ratio`);
  for (const k of ["fencedMs", "leadersMovedMs", "writesMs", "backInIsrMs"] as const) {
    console.log(`${k} | ${m("partition", k)} ms | ${m("kill", k)} ms | ${(m("partition", k) / m("kill", k)).toFixed(2)}`);
  }
}

const support = await runtime.network.support();
if (!support.ok) {
  console.error(`network faults unavailable here: ${support.reason}`);
  process.exit(1);
}
runFaultBench(main);
