// Cluster health and the one sentence the banner shows for it: what is wrong,
// then which brokers are why.
import type { BrokerProcess } from "@/lib/model/runtime";
import { quorumLost, type QuorumHealth } from "./quorum";
import type { BrokerState, ClusterHealth } from "@/lib/model/cluster";
import { listIds, plural } from "./words";

export interface HealthInput {
  reachable: boolean;
  error?: string | null;
  bootstrap: readonly string[];
  partitions: number;
  offline: number;
  underMinIsr: number;
  underReplicated: number;
  /** Null when the quorum could not be described: then it is not judged. */
  quorum: QuorumHealth | null;
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
};

export function deriveHealth(input: HealthInput): DerivedHealth {
  const notRunning = input.brokers.filter((b) => b.state !== "RUNNING");

  if (!input.reachable) {
    // Only a runtime can say why nothing answers; without one the brokers are merely silent.
    const cause = describeBrokers(notRunning.filter((b) => b.runtime !== null));
    const detail = cause ? `: ${cause}` : input.error ? ` (${input.error})` : "";
    return { health: "UNREACHABLE", reason: `no broker answers on ${listBootstrap(input.bootstrap)}${detail}` };
  }

  const cause = describeBrokers(notRunning);
  const critical: string[] = [];
  if (input.offline > 0) critical.push(`${plural(input.offline, "partition")} offline (no leader)`);
  if (input.underMinIsr > 0) {
    critical.push(`${plural(input.underMinIsr, "partition")} under min ISR (acks=all writes fail)`);
  }
  if (input.quorum && quorumLost(input.quorum)) critical.push(describeQuorum(input.quorum));
  if (critical.length > 0) return { health: "CRITICAL", reason: because(critical.join(", "), cause) };

  if (input.underReplicated > 0) {
    const what = `${plural(input.underReplicated, "partition")} under-replicated`;
    return { health: "DEGRADED", reason: because(what, cause) };
  }
  if (cause) return { health: "DEGRADED", reason: cause };

  return {
    health: "HEALTHY",
    reason: `${plural(input.brokers.length, "broker")} running, ${plural(input.partitions, "partition")} in sync`,
  };
}

function because(what: string, cause: string): string {
  return cause ? `${what}: ${cause}` : what;
}

function describeQuorum(q: QuorumHealth): string {
  if (!q.hasLeader) return "KRaft quorum has no leader";
  return `KRaft quorum lost (${q.alive} of ${q.voters} controllers alive, ${q.majority} needed)`;
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
