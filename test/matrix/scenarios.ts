// The fault matrix: each scenario breaks the real cluster one way, holds it,
// heals it, and keeps every sample (the dashboard's and the test's own) for the
// checks in checks.ts and the figures the bench prints.
import type { BrokerState, ClusterHealth, TimelineEntry } from "@/lib/model/cluster";
import { pollUntil, sleep } from "@/lib/util/poll";
import { quorumLeaderByKafka } from "./probes";
import { kafkaStuck, type KafkaStuck } from "./stuck";
import { Sampler, timelineOf, type MatrixTarget, type Sample } from "./sampler";

export interface Scenario {
  name: string;
  /** The health every sample must show from 2 s after the fault until the heal. */
  expect: ClusterHealth;
  /** Breaks the cluster; returns the brokers it broke. `controller` is Kafka's own answer before the fault. */
  fault: (t: MatrixTarget, controller: number) => Promise<number[]>;
  /** States the broken brokers must show. */
  brokenStates: readonly BrokerState[];
  /** A hard kill: the stall must be said until Kafka fences the broker. */
  stallUntilFencing?: boolean;
  /** What Kafka's MetadataQuorumCommand should find during the hold: a leader, none, or not asked. */
  quorum: "leader" | "none" | "skip";
  holdMs: number;
  /** Needs the runtime's network faults (the local runtime as root). */
  network?: boolean;
}

/** A network fault as an operator makes one: the dashboard's own button (its API), which then looks at once. */
const cut = async (t: MatrixTarget, id: number, kind: "partition" | "isolate") => {
  const res = await fetch(`${t.baseUrl}/api/brokers/${id}/${kind}`, {
    method: "POST",
    headers: { ...t.headers, "content-type": "application/json" },
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) throw new Error(`${t.name}: ${kind} ${id} answered ${res.status} ${await res.text()}`);
  return [id];
};

const others = (t: MatrixTarget, not: number) => Object.keys(t.brokers).map(Number).filter((id) => id !== not);
const firstOther = (t: MatrixTarget, not: number) => others(t, not)[0] as number;

export const SCENARIOS: readonly Scenario[] = [
  { name: "kill one broker", expect: "DEGRADED", brokenStates: ["SHUTDOWN"], stallUntilFencing: true, quorum: "leader", holdMs: 12_000,
    fault: async (t, c) => { const id = firstOther(t, c); await t.runtime.kill(id); return [id]; } },
  { name: "kill the active controller", expect: "DEGRADED", brokenStates: ["SHUTDOWN"], stallUntilFencing: true, quorum: "leader", holdMs: 12_000,
    fault: async (t, c) => { await t.runtime.kill(c); return [c]; } },
  { name: "stop one broker (graceful)", expect: "DEGRADED", brokenStates: ["SHUTDOWN"], quorum: "leader", holdMs: 8_000,
    fault: async (t, c) => { const id = firstOther(t, c); await t.runtime.stop(id); return [id]; } },
  { name: "pause one broker", expect: "DEGRADED", brokenStates: ["UNRESPONSIVE"], quorum: "leader", holdMs: 12_000,
    fault: async (t, c) => { const id = firstOther(t, c); await t.runtime.pause(id); return [id]; } },
  { name: "pause the active controller", expect: "DEGRADED", brokenStates: ["UNRESPONSIVE"], quorum: "leader", holdMs: 13_000,
    fault: async (t, c) => { await t.runtime.pause(c); return [c]; } },
  { name: "partition one broker", expect: "DEGRADED", brokenStates: ["PARTITIONED"], quorum: "leader", holdMs: 13_000, network: true,
    fault: (t, c) => cut(t, firstOther(t, c), "partition") },
  { name: "partition the active controller", expect: "DEGRADED", brokenStates: ["PARTITIONED"], quorum: "leader", holdMs: 13_000, network: true,
    fault: (t, c) => cut(t, c, "partition") },
  { name: "isolate one broker", expect: "DEGRADED", brokenStates: ["PARTITIONED"], quorum: "leader", holdMs: 13_000, network: true,
    fault: (t, c) => cut(t, firstOther(t, c), "isolate") },
  { name: "kill two brokers", expect: "CRITICAL", brokenStates: ["SHUTDOWN"], quorum: "none", holdMs: 12_000,
    fault: async (t, c) => { const ids = [c, firstOther(t, c)]; for (const id of ids) await t.runtime.kill(id); return ids; } },
  { name: "kill all brokers", expect: "UNREACHABLE", brokenStates: ["SHUTDOWN"], quorum: "skip", holdMs: 8_000,
    fault: async (t) => { const ids = Object.keys(t.brokers).map(Number); await Promise.all(ids.map((id) => t.runtime.kill(id))); return ids; } },
];

export interface ScenarioRun {
  scenario: Scenario;
  samples: Sample[];
  tFault: number;
  tHeal: number;
  /** When the cluster was healthy again (dashboard HEALTHY and the test's own writes all acknowledged); null if never. */
  tHealed: number | null;
  broken: number[];
  /** MetadataQuorumCommand's leader during the hold (null: it could not answer), and when it answered. */
  kafkaLeader: { id: number | null; at: number } | null;
  timeline: TimelineEntry[];
  /** Kafka stuck after the heal with every node up, and when the heal restarted the refusing leaders (stuck.ts). */
  stuck: HealOutcome["stuck"];
  /** Kafka's own account (topic description, broker errors, thread dumps) when it was stuck or the heal never completed. */
  evidence: string | null;
}

/** How long Kafka may stay stuck with every node up before the heal restarts the refusing leader (measured heals: 15-17 s). */
export const STUCK_MS = 60_000;
/** The wait after that restart (a restarted broker rejoined in 8-11 s here). */
const RESTARTED_HEAL_MS = 120_000;

export interface HealOutcome {
  /** When the dashboard said HEALTHY and the test's own writes were all acknowledged; null if never. */
  healedAt: number | null;
  /** Kafka stuck with every node up (stuck.ts), and when the heal restarted the refusing leaders. */
  stuck: (KafkaStuck & { restartedAt: number }) | null;
  /** Kafka's own account, gathered when it was stuck or the heal never completed. */
  evidence: string | null;
}

/** Every broker running and the dashboard and Kafka agreeing the cluster is whole. */
export async function heal(t: MatrixTarget, sampler: Sampler | null, timeoutMs = 180_000): Promise<HealOutcome> {
  for (const p of await t.runtime.list()) {
    if ((p.faults ?? []).length > 0) await t.runtime.network?.heal(p.id);
    if (p.status === "paused") await t.runtime.resume(p.id);
    else if (p.status !== "running") await t.runtime.start(p.id);
  }
  const ids = Object.keys(t.brokers).map(Number);
  const from = Date.now();
  let healedAt: number | null = null;
  let stuck: KafkaStuck | null = null;
  const wait = (ms: number, watchStuck: boolean) =>
    pollUntil(
      () => {
        const s = sampler?.samples.at(-1);
        const wrote = [...(sampler?.samples ?? [])].reverse().find((x) => x.writes);
        const ok = s?.snapshot?.health === "HEALTHY" && wrote !== undefined && Object.values(wrote.writes ?? {}).length > 0 && Object.values(wrote.writes ?? {}).every(Boolean);
        if (ok) healedAt = Date.now();
        if (!ok && watchStuck && sampler) stuck = kafkaStuck(sampler.samples.filter((x) => x.at >= from), ids, STUCK_MS);
        return ok || stuck !== null;
      },
      { timeoutMs: ms, intervalMs: 250 },
    );
  await wait(timeoutMs, true);
  const found = stuck as KafkaStuck | null;
  if (healedAt !== null || found === null) return { healedAt, stuck: null, evidence: null };
  // Evidence first: the restart ends the state it explains.
  const evidence = t.evidence ? await t.evidence(found.since - STUCK_MS, found.leaders).catch((e: Error) => `evidence failed: ${e.message}`) : null;
  const restartedAt = Date.now();
  for (const id of found.leaders) {
    await t.runtime.kill(id);
    await t.runtime.start(id);
  }
  await wait(RESTARTED_HEAL_MS, false);
  return { healedAt, stuck: { ...found, restartedAt }, evidence };
}

/** Kafka's own answer, asked of the controllers whose process runs (the tool waits forever on a frozen one). */
async function kafkaQuorumLeader(t: MatrixTarget): Promise<number | null> {
  // Not a node cut off by a fault either: it cannot speak for the quorum (and an isolated one answers nobody).
  const running = (await t.runtime.list()).filter((p) => p.status === "running" && (p.faults ?? []).length === 0);
  if (running.length === 0) return null;
  if (t.quorumLeader) return t.quorumLeader(running);
  const endpoints = running.flatMap((p) => (t.controllers[p.id] ? [t.controllers[p.id] as string] : []));
  return endpoints.length === 0 ? null : quorumLeaderByKafka(t.kafkaHome, t.javaBin, endpoints);
}

export async function runScenario(t: MatrixTarget, s: Scenario): Promise<ScenarioRun> {
  const controller = await kafkaQuorumLeader(t);
  if (controller === null) throw new Error(`${s.name}: Kafka's MetadataQuorumCommand found no leader before the fault`);
  const before = (await timelineOf(t)).at(-1)?.id ?? 0;
  const sampler = new Sampler(t);
  // Room for the heal's two waits (stuck.ts) on top of the hold.
  sampler.start(s.holdMs + 420_000);
  try {
    await sleep(1500);
    const broken = await s.fault(t, controller);
    const tFault = Date.now();
    let kafkaLeader: ScenarioRun["kafkaLeader"] = null;
    if (s.quorum !== "skip") {
      // By 7 s Kafka has fenced a killed broker (session 6 s) and elected past a lost controller (~3 s).
      await sleep(Math.min(s.holdMs - 1000, 7000));
      kafkaLeader = { id: await kafkaQuorumLeader(t), at: Date.now() };
    }
    // Hold at least until a few samples follow Kafka's own answer.
    await sleep(Math.max(0, tFault + s.holdMs - Date.now(), (kafkaLeader?.at ?? 0) + 3000 - Date.now()));
    const tHeal = Date.now();
    const healed = await heal(t, sampler);
    const samples = await sampler.stop();
    const timeline = (await timelineOf(t)).filter((e) => e.id > before);
    const late = healed.healedAt === null && healed.evidence === null ? t.evidence : undefined;
    const evidence = late ? await late(tFault, []).catch((e: Error) => `evidence failed: ${e.message}`) : healed.evidence;
    return { scenario: s, samples, tFault, tHeal, tHealed: healed.healedAt, broken, kafkaLeader, timeline, stuck: healed.stuck, evidence };
  } finally {
    await sampler.stop();
  }
}
