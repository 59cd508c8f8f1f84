// Cluster health and the one sentence the banner shows for it: what is wrong,
// then which brokers are why. Judged on the effective view (Kafka's ISRs minus
// brokers known down), the quorum verdict and the canary's measured writes, so
// a lagging or frozen metadata view can never make a broken cluster look fine.
import type { BrokerProcess } from "@/lib/model/runtime";
import type { BrokerDisk, BrokerState, CanaryState, ClusterFigures, ClusterHealth, QuorumVerdict } from "@/lib/model/cluster";
import { listIds, plural } from "./words";

export interface HealthInput {
  reachable: boolean;
  error?: string | null;
  bootstrap: readonly string[];
  /** Effective figures. */
  figures: Pick<ClusterFigures, "partitions" | "offline" | "underMinIsr" | "underReplicated" | "leaderDown">;
  quorum: Pick<QuorumVerdict, "status" | "reason">;
  canary: Pick<CanaryState, "status" | "reason" | "partitions"> | null;
  brokers: readonly HealthBroker[];
}

export interface HealthBroker {
  id: number;
  state: BrokerState;
  runtime: BrokerProcess | null;
  /** A dedicated KRaft controller: named so, and counted apart from the brokers. */
  controllerOnly?: boolean;
  disk?: BrokerDisk | null;
}

/** Below this share of free space under a broker's log dirs the cluster is DEGRADED: a full disk takes the broker's partitions offline. */
export const DISK_FREE_WARN = 0.1;

/** "broker 2's disk is 93 % full (7 % free)": brokers whose log dirs' filesystem is nearly full. */
export function diskWarnings(brokers: readonly HealthBroker[]): string[] {
  return brokers.flatMap((b) => {
    const d = b.disk;
    if (!d || d.totalBytes === null || d.usableBytes === null || d.totalBytes <= 0) return [];
    const free = d.usableBytes / d.totalBytes;
    return free < DISK_FREE_WARN ? [`broker ${b.id}'s disk is ${Math.round((1 - free) * 100)} % full (${(free * 100).toFixed(1)} % free)`] : [];
  });
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
  degraded.push(...diskWarnings(input.brokers));
  if (degraded.length > 0) return { health: "DEGRADED", reason: because(degraded.join(", "), cause) };
  if (cause) return { health: "DEGRADED", reason: cause };

  const controllers = input.brokers.filter((b) => b.controllerOnly).length;
  const nodes = `${plural(input.brokers.length - controllers, "broker")}${controllers > 0 ? ` and ${plural(controllers, "controller")}` : ""}`;
  return { health: "HEALTHY", reason: `${nodes} running, ${plural(f.partitions, "partition")} in sync` };
}

function because(what: string, cause: string): string {
  return cause ? `${what}: ${cause}` : what;
}

/** "broker 2 is down", "brokers 2, 3 are down, broker 4 is starting", "controller 101 is down". */
export function describeBrokers(brokers: readonly { id: number; state: BrokerState; controllerOnly?: boolean }[]): string {
  const groups = new Map<string, number[]>();
  for (const b of brokers) {
    if (b.state === "RUNNING") continue;
    const key = `${b.state}:${b.controllerOnly ? "controller" : "broker"}`;
    const ids = groups.get(key) ?? [];
    ids.push(b.id);
    groups.set(key, ids);
  }
  const parts: string[] = [];
  for (const state of ["SHUTDOWN", "UNRESPONSIVE", "STARTING", "RECOVERING"] as const) {
    for (const kind of ["broker", "controller"]) {
      const ids = groups.get(`${state}:${kind}`);
      if (!ids) continue;
      ids.sort((a, b) => a - b);
      const verb = ids.length === 1 ? "is" : "are";
      parts.push(`${ids.length === 1 ? kind : `${kind}s`} ${listIds(ids)} ${verb} ${PHRASE[state]}`);
    }
  }
  return parts.join(", ");
}

function listBootstrap(bootstrap: readonly string[]): string {
  if (bootstrap.length === 0) return "the configured bootstrap servers";
  if (bootstrap.length <= 3) return bootstrap.join(", ");
  return `${bootstrap.slice(0, 3).join(", ")}, …`;
}
