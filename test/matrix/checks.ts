// What must hold in every sample of a fault-matrix run, as a list of
// violations (empty = the dashboard told the truth), and the figures the bench
// prints. Pure functions over the recorded samples.
import type { ClusterHealth } from "@/lib/model/cluster";
import type { Sample } from "./sampler";
import type { ScenarioRun } from "./scenarios";

/** How long a broker must have run and answered the test's own probe before the dashboard may not doubt it. */
export const STABLE_MS = 3000;
export const SETTLE_MS = 2000;
export const API_BOUND_MS = 3000;
const RANK: Record<ClusterHealth, number> = { HEALTHY: 0, DEGRADED: 1, CRITICAL: 2, UNREACHABLE: 3 };
const rel = (run: ScenarioRun, at: number) => `${((at - run.tFault) / 1000).toFixed(2)} s`;

/** Brokers that ran and answered the test's fresh-connection probe in every sample of the last STABLE_MS. */
export function stablyAlive(samples: readonly Sample[], i: number): number[] {
  const s = samples[i] as Sample;
  const window = samples.slice(0, i + 1).filter((x) => x.at >= s.at - STABLE_MS);
  if ((window[0]?.at ?? s.at) > s.at - STABLE_MS + 500) return []; // not enough history to judge
  return Object.keys(s.answers).map(Number).filter((id) => window.every((x) => x.procs[id] === "running" && x.answers[id] === true));
}

export function falseStates(run: ScenarioRun): string[] {
  const out: string[] = [];
  run.samples.forEach((s, i) => {
    for (const id of stablyAlive(run.samples, i)) {
      const b = s.snapshot?.brokers.find((x) => x.id === id);
      if (b && (b.state === "UNRESPONSIVE" || b.state === "SHUTDOWN")) out.push(`at ${rel(run, s.at)} broker ${id} shown ${b.state} (${b.reason}) while it runs and answers`);
    }
  });
  return out;
}

export function violations(run: ScenarioRun): string[] {
  const { scenario: sc } = run;
  const out: string[] = [...falseStates(run)];
  const hold = run.samples.filter((s) => s.at >= run.tFault + SETTLE_MS && s.at < run.tHeal);
  if (hold.length < 10) out.push(`only ${hold.length} samples during the hold`);
  for (const s of run.samples) {
    if (s.apiStatus !== 200 || !s.snapshot || !Array.isArray(s.snapshot.brokers)) out.push(`at ${rel(run, s.at)} /api/cluster answered ${s.apiStatus}`);
    else if (s.apiMs > API_BOUND_MS) out.push(`at ${rel(run, s.at)} /api/cluster took ${s.apiMs} ms`);
  }
  for (const s of hold) {
    const h = s.snapshot?.health;
    if (h !== sc.expect) out.push(`at ${rel(run, s.at)} health ${h} (${s.snapshot?.healthReason}), expected ${sc.expect}`);
    for (const id of run.broken) {
      const st = s.snapshot?.brokers.find((b) => b.id === id)?.state;
      if (!st || !sc.brokenStates.includes(st)) out.push(`at ${rel(run, s.at)} broken broker ${id} shown ${st}`);
    }
  }
  if (sc.stallUntilFencing) out.push(...stallChecks(run));
  if (sc.expect === "CRITICAL") {
    // The verdict must be true: the test's own acks=all writes fail too.
    const acked = hold.filter((s) => s.writes && Object.values(s.writes).some(Boolean));
    if (acked.length > 0) out.push(`CRITICAL shown, yet the test's own writes were acknowledged at ${rel(run, acked[0]?.at ?? 0)}`);
  }
  out.push(...quorumChecks(run), ...timelineChecks(run), ...stuckChecks(run));
  if (run.tHealed === null) {
    const last = run.samples.at(-1);
    const wrote = [...run.samples].reverse().find((x) => x.writes);
    const brokers = (last?.snapshot?.brokers ?? []).map((b) => `${b.id}:${b.state}`).join(" ");
    out.push(`the cluster never became HEALTHY again after the heal: last shown ${last?.snapshot?.health} (${last?.snapshot?.healthReason}) [${brokers}], the test's own writes ${JSON.stringify(wrote?.writes ?? null)}${run.evidence ? `\n${run.evidence}` : ""}`);
  }
  return out;
}

/** While Kafka refused the test's own writes with every node up (stuck.ts), the dashboard must not have said HEALTHY. */
function stuckChecks(run: ScenarioRun): string[] {
  const k = run.stuck;
  if (!k) return [];
  return run.samples
    .filter((s) => s.at >= k.since + SETTLE_MS && s.at < k.restartedAt && s.snapshot?.health === "HEALTHY")
    .map((s) => `at ${rel(run, s.at)} HEALTHY shown while Kafka refused the test's own writes to partition(s) ${k.partitions.join(", ")}`);
}

/** How the heal went, for the log line each scenario prints: how long it took, and whether Kafka had to be restarted. */
export function healSummary(run: ScenarioRun): string {
  const took = run.tHealed === null ? "never healed" : `healed ${((run.tHealed - run.tHeal) / 1000).toFixed(1)} s after the heal`;
  const k = run.stuck;
  if (!k) return took;
  const held = ((k.restartedAt - k.since) / 1000).toFixed(0);
  return `${took}; KAFKA STUCK: partition(s) ${k.partitions.join(", ")} refused writes at leader(s) ${k.leaders.join(", ")} for ${held} s with every node up, so the heal restarted ${k.leaders.join(", ")}`;
}

/** Between the kill and Kafka fencing the broker (the test's own metadata), the banner says writes stall. */
function stallChecks(run: ScenarioRun): string[] {
  const fencedAt = run.samples.find((s) => s.at > run.tFault && s.metadata && run.broken.every((id) => !s.metadata?.registered.includes(id)))?.at;
  if (fencedAt === undefined) return ["Kafka never fenced the killed broker during the hold (test's own metadata)"];
  return run.samples
    .filter((s) => s.at >= run.tFault + SETTLE_MS && s.at < fencedAt - 1000)
    .filter((s) => !/stalled|waiting for a new leader|electing/.test(s.snapshot?.healthReason ?? ""))
    .map((s) => `at ${rel(run, s.at)} (before fencing at ${rel(run, fencedAt)}) the stall is not said: ${s.snapshot?.healthReason}`);
}

/** The quorum panel's leader equals MetadataQuorumCommand's, and says "no active controller" when the tool cannot answer. */
function quorumChecks(run: ScenarioRun): string[] {
  const k = run.kafkaLeader;
  if (!k || run.scenario.quorum === "skip") return [];
  const after = run.samples.filter((s) => s.at > k.at + 1500 && s.at < run.tHeal).slice(0, 4);
  if (after.length === 0) return ["no sample after MetadataQuorumCommand answered"];
  if (run.scenario.quorum === "leader" && k.id === null) return ["MetadataQuorumCommand found no leader although a majority runs"];
  if (run.scenario.quorum === "none" && k.id !== null) return [`MetadataQuorumCommand found leader ${k.id} with the quorum lost`];
  return after
    .filter((s) => (s.snapshot?.controllerId ?? null) !== k.id || (k.id === null && s.snapshot?.quorumVerdict.status !== "lost"))
    .map((s) => `at ${rel(run, s.at)} dashboard controller ${s.snapshot?.controllerId} (${s.snapshot?.quorumVerdict.status}), Kafka's tool says ${k.id ?? "no active controller"}`);
}

/** No recovery the cluster did not make: no health entry better than expected during the hold. */
function timelineChecks(run: ScenarioRun): string[] {
  const expected = RANK[run.scenario.expect];
  return run.timeline
    .filter((e) => e.kind === "health" && e.at >= run.tFault + SETTLE_MS && e.at < run.tHeal)
    .filter((e) => {
      const to = /→ (\w+)/.exec(e.message)?.[1] as ClusterHealth | undefined;
      return to !== undefined && RANK[to] < expected;
    })
    .map((e) => `timeline records a recovery that did not happen: "${e.message}"`);
}

export interface ScenarioFigures {
  faultToHealthMs: number | null;
  faultToStateMs: number | null;
  falseStateS: number;
  canaryP50: number | null;
  canaryP99: number | null;
}

export function figures(run: ScenarioRun): ScenarioFigures {
  const after = run.samples.filter((s) => s.at >= run.tFault);
  const health = after.find((s) => s.snapshot?.health === run.scenario.expect);
  const state = after.find((s) => run.broken.every((id) => run.scenario.brokenStates.includes(s.snapshot?.brokers.find((b) => b.id === id)?.state ?? "RUNNING")));
  const ms = after.filter((s) => s.at < run.tHeal).flatMap((s) => (s.snapshot?.canary?.partitions ?? []).flatMap((p) => (p.ok && p.produceMs !== null ? [p.produceMs] : [])));
  return {
    faultToHealthMs: health ? health.at - run.tFault : null,
    faultToStateMs: state ? state.at - run.tFault : null,
    falseStateS: (falseStates(run).length * 250) / 1000,
    canaryP50: percentile(ms, 0.5),
    canaryP99: percentile(ms, 0.99),
  };
}

export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null;
}
