// The slow fault, measured with the bench's own client on the bench cluster
// (.data/bench-cluster; no dashboard): acks=all writes sent straight to a
// partition led by the slowed broker and to one led by another, each on a fresh
// connection (through the proxy, as every new connection to the broker is),
// for each delay; the reference is the same writes with no fault, in the same
// run. Also: how long apply and heal take, and the cut-over's cost.
// npx tsx bench/slow-fault.ts [samples=20]   (root: iptables, cgroups, Toxiproxy)
import { kafkaClient } from "@/lib/kafka/client";
import { pollUntil } from "@/lib/util/poll";
import { produceAnswer } from "@/test/matrix/probes";
import { benchRuntime, median, runFaultBench } from "./monitor-harness";

const SAMPLES = Math.max(5, Math.min(200, Number(process.argv[2] ?? 20)));
const DELAYS = [50, 200, 500];
const TOPIC = "user_action";
const runtime = benchRuntime();
const addressOf = (id: number) => runtime.bootstrap[runtime.brokerIds.indexOf(id)] as string;

async function leaders(): Promise<Map<number, number>> {
  const admin = kafkaClient({ bootstrap: runtime.bootstrap, clientId: "bench-slow", timeoutMs: 3000, retries: 1 }).admin();
  await admin.connect();
  try {
    const md = await admin.fetchTopicMetadata({ topics: [TOPIC] });
    return new Map((md.topics[0]?.partitions ?? []).map((p) => [p.partitionId, p.leader]));
  } finally {
    await admin.disconnect();
  }
}

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))] ?? NaN;

/** SAMPLES acks=all writes to `partition` on `address`, each timed from send to answer (ms). */
async function writes(address: string, partition: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    const answer = await produceAnswer(address, TOPIC, partition, 10_000);
    if (answer !== 0) throw new Error(`write to ${address} p${partition} answered ${answer}`);
    out.push(performance.now() - t);
  }
  return out;
}

async function main(): Promise<void> {
  const victim = runtime.brokerIds[1] as number;
  const other = runtime.brokerIds[0] as number;
  let led = new Map<number, number>();
  if (!(await pollUntil(async () => [...(led = await leaders()).values()].includes(victim) && [...led.values()].includes(other), { timeoutMs: 60_000, intervalMs: 500 }))) {
    throw new Error("brokers 1 and 2 do not both lead a partition");
  }
  const pv = [...led].find(([, l]) => l === victim)?.[0] as number;
  const po = [...led].find(([, l]) => l === other)?.[0] as number;
  const ref = { victim: await writes(addressOf(victim), pv), other: await writes(addressOf(other), po) };
  console.log(`reference (no fault): to broker ${victim} p50 ${median(ref.victim).toFixed(1)} ms p99 ${p99(ref.victim).toFixed(1)} ms; to broker ${other} p50 ${median(ref.other).toFixed(1)} ms`);
  console.log(`\ndelay | to slowed broker p50 / p99 | added (p50 − reference p50) | to another broker p50 | apply | heal | first write after heal`);
  for (const delayMs of DELAYS) {
    const t0 = performance.now();
    await runtime.network.apply(victim, "slow", { delayMs, jitterMs: 0 });
    const applyMs = performance.now() - t0;
    // The cut-over resets replication connections: wait for a write to go through before sampling.
    await pollUntil(async () => (await produceAnswer(addressOf(victim), TOPIC, pv, 10_000)) === 0, { timeoutMs: 30_000, intervalMs: 100 });
    const slowed = { victim: await writes(addressOf(victim), pv), other: await writes(addressOf(other), po) };
    const t1 = performance.now();
    await runtime.network.heal(victim);
    const healMs = performance.now() - t1;
    await pollUntil(async () => (await produceAnswer(addressOf(victim), TOPIC, pv, 10_000)) === 0, { timeoutMs: 60_000, intervalMs: 50 });
    const backMs = performance.now() - t1;
    console.log(
      `${delayMs} ms | ${median(slowed.victim).toFixed(1)} / ${p99(slowed.victim).toFixed(1)} ms | +${(median(slowed.victim) - median(ref.victim)).toFixed(0)} ms (${(median(slowed.victim) / median(ref.victim)).toFixed(1)}× reference) | ${median(slowed.other).toFixed(1)} ms (${(median(slowed.other) / median(ref.other)).toFixed(2)}× reference) | ${applyMs.toFixed(0)} ms | ${healMs.toFixed(0)} ms | ${backMs.toFixed(0)} ms`,
    );
    await pollUntil(async () => (await writes(addressOf(victim), pv).then((w) => median(w) < median(ref.victim) + 50, () => false)), { timeoutMs: 120_000, intervalMs: 1000 });
  }
}

const support = await runtime.network.slowSupport();
if (!support.ok) {
  console.error(`slow unavailable here: ${support.reason}`);
  process.exit(1);
}
runFaultBench(main);
