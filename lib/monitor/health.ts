// Cluster health and the one sentence the banner shows for it: what is wrong,
// then which brokers are why. Judged on the effective view (Kafka's ISRs minus
// brokers known down), the quorum verdict and the canary's measured writes, so
// a lagging or frozen metadata view can never make a broken cluster look fine.
import type { BrokerProcess } from "@/lib/model/runtime";
import type { BrokerState, CanaryState, ClusterFigures, ClusterHealth, QuorumVerdict } from "@/lib/model/cluster";
import { listIds, plural } from "./words";

export interface HealthInput {
  reachable: boolean;
  error?: string | null;
  bootstrap: readonly string[];
  /** Effective figures. */
  figures: Pick<ClusterFigures, "partitions" | "offline" | "underMinIsr" | "underReplicated" | "leaderDown">;
  quorum: Pick<QuorumVerdict, "status" | "reason">;
  canary: Pick<CanaryState, "status" | "reason" | "partitions"> | null;
  brokers: readonly { id: number; state: BrokerState; runtime: BrokerProcess | null }[];
}

export interface DerivedHealth {
  health: ClusterHealth;
  reason: string;
}

const PHRASE: Record<Exclude<BrokerState, "RUNNING">, string> = {
  SHUTDOWN: "down",
  UNRESPONSIVE: "not answering",
  STARTING: "starting",
  RECOVERING: "catching up",
  PARTITIONED: "cut off from its peers",
};

export function deriveHealth(input: HealthInput): DerivedHealth {
  const notRunning = input.brokers.filter((b) => b.state !== "RUNNING");

  if (!input.reachable) {
    // Only a runtime can say why nothing answers; without one the brokers are merely silent.
    const cause = describeBrokers(notRunning.filter((b) => b.runtime !== null));
    const detail = cause ? `: ${cause}` : input.error ? ` (${input.error})` : "";
    return { health: "UNREACHABLE", reason: `no broker answers on ${listBootstrap(input.bootstrap)}${detail}` };
  }

  const f = input.figures;
  const cause = describeBrokers(notRunning);
  const critical: string[] = [];
  if (f.offline > 0) critical.push(`${plural(f.offline, "partition")} offline (no live leader)`);
  if (f.underMinIsr > 0) critical.push(`${plural(f.underMinIsr, "partition")} under min ISR (acks=all writes fail)`);
  if (input.quorum.status === "lost") critical.push(input.quorum.reason);
  if (input.canary?.status === "failing") critical.push(input.canary.reason);
  if (critical.length > 0) return { health: "CRITICAL", reason: because(critical.join(", "), cause) };

  const degraded: string[] = [];
  if (f.underReplicated > 0) degraded.push(`${plural(f.underReplicated, "partition")} under-replicated`);
  if (f.leaderDown > 0) degraded.push(`${plural(f.leaderDown, "partition")} waiting for a new leader`);
  if (input.quorum.status === "electing") degraded.push(input.quorum.reason);
  if (input.canary?.status === "stalled" && input.canary.partitions.some((p) => p.explained)) degraded.push(input.canary.reason);
  if (degraded.length > 0) return { health: "DEGRADED", reason: because(degraded.join(", "), cause) };
  if (cause) return { health: "DEGRADED", reason: cause };

  return {
    health: "HEALTHY",
    reason: `${plural(input.brokers.length, "broker")} running, ${plural(f.partitions, "partition")} in sync`,
  };
}

function because(what: string, cause: string): string {
  return cause ? `${what}: ${cause}` : what;
}

/** "broker 2 is down", "brokers 2, 3 are down, broker 4 is starting". */
export function describeBrokers(brokers: readonly { id: number; state: BrokerState }[]): string {
  const groups = new Map<BrokerState, number[]>();
  for (const b of brokers) {
    if (b.state === "RUNNING") continue;
    const ids = groups.get(b.state) ?? [];
    ids.push(b.id);
    groups.set(b.state, ids);
  }
  const parts: string[] = [];
  for (const state of ["SHUTDOWN", "UNRESPONSIVE", "STARTING", "RECOVERING"] as const) {
    const ids = groups.get(state);
    if (!ids) continue;
    ids.sort((a, b) => a - b);
    const verb = ids.length === 1 ? "is" : "are";
    parts.push(`${ids.length === 1 ? "broker" : "brokers"} ${listIds(ids)} ${verb} ${PHRASE[state]}`);
  }
  return parts.join(", ");
}

function listBootstrap(bootstrap: readonly string[]): string {
  if (bootstrap.length === 0) return "the configured bootstrap servers";
  if (bootstrap.length <= 3) return bootstrap.join(", ");
  return `${bootstrap.slice(0, 3).join(", ")}, …`;
}
