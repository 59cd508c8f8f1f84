// The fault matrix: each scenario breaks the real cluster one way, holds it,
// heals it, and keeps every sample (the dashboard's and the test's own) for the
// checks in checks.ts and the figures the bench prints.
import type { BrokerState, ClusterHealth, TimelineEntry } from "@/lib/model/cluster";
import { pollUntil, sleep } from "@/lib/util/poll";
import { quorumLeaderByKafka } from "./probes";
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
}

/** Every broker running and the dashboard and Kafka agreeing the cluster is whole. */
export async function heal(t: MatrixTarget, sampler: Sampler | null, timeoutMs = 180_000): Promise<number | null> {
  for (const p of await t.runtime.list()) {
    if ((p.faults ?? []).length > 0) await t.runtime.network?.heal(p.id);
    if (p.status === "paused") await t.runtime.resume(p.id);
    else if (p.status !== "running") await t.runtime.start(p.id);
  }
  let healedAt: number | null = null;
  await pollUntil(
    () => {
      const s = sampler?.samples.at(-1);
      const wrote = [...(sampler?.samples ?? [])].reverse().find((x) => x.writes);
      const ok = s?.snapshot?.health === "HEALTHY" && wrote !== undefined && wrote.at > (healedAt ?? 0) && Object.values(wrote.writes ?? {}).length > 0 && Object.values(wrote.writes ?? {}).every(Boolean);
      if (ok) healedAt = Date.now();
      return ok;
    },
    { timeoutMs, intervalMs: 250 },
  );
  return healedAt;
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
  sampler.start(s.holdMs + 240_000);
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
    const tHealed = await heal(t, sampler);
    const samples = await sampler.stop();
    const timeline = (await timelineOf(t)).filter((e) => e.id > before);
    return { scenario: s, samples, tFault, tHeal, tHealed, broken, kafkaLeader, timeline };
  } finally {
    await sampler.stop();
  }
}
