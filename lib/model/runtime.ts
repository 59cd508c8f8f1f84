// The runtime's plain data (actions, process status): shared by the runtime, the
// monitor and the UI, so it lives below all of them.

export const PROCESS_ACTIONS = ["kill", "stop", "pause", "resume", "restart", "start"] as const;
/** Network faults on one broker; `heal` removes every fault on it. */
export const NETWORK_ACTIONS = ["partition", "isolate", "slow", "heal"] as const;
export const BROKER_ACTIONS = [...PROCESS_ACTIONS, ...NETWORK_ACTIONS] as const;
export type BrokerAction = (typeof BROKER_ACTIONS)[number];
export type NetworkAction = (typeof NETWORK_ACTIONS)[number];

/**
 * partition: cut off from the other nodes (replication, KRaft), clients still reach it;
 * isolate: cut off from clients too;
 * slow: everything that talks to it waits `delayMs` (± `jitterMs`) more for each answer.
 */
export type NetworkFaultKind = "partition" | "isolate" | "slow";

/** The faults that take a broker out of the cluster (slow leaves it in, only late). */
export const CUT_OFF_KINDS: readonly NetworkFaultKind[] = ["partition", "isolate"];

export interface SlowParams {
  delayMs: number;
  jitterMs: number;
}

/** The bounds of a slow fault: long enough to show, short enough to stay below Kafka's timeouts. */
export const SLOW_LIMITS = { delayMs: { min: 1, max: 10_000 }, jitterMs: { min: 0, max: 10_000 } } as const;

export interface NetworkFault {
  kind: NetworkFaultKind;
  /** Epoch ms the fault was applied. */
  since: number;
  /** slow only. */
  params?: SlowParams;
}

export const isCutOff = (f: NetworkFault) => CUT_OFF_KINDS.includes(f.kind);

/** "partition", "slow +200 ms", "slow +200 ±50 ms". */
export function faultLabel(f: NetworkFault): string {
  if (f.kind !== "slow" || !f.params) return f.kind;
  return `slow +${f.params.delayMs}${f.params.jitterMs > 0 ? ` ±${f.params.jitterMs}` : ""} ms`;
}

/** Parameters an action takes (slow: its delay); the others take none. */
export interface ActionParams {
  slow?: SlowParams;
}

/** What the process or container is doing, independent of what Kafka thinks of it. */
export type RuntimeStatus = "running" | "paused" | "exited" | "missing";

/** combined: broker and KRaft controller in one process; broker / controller: one role only (a dedicated controller holds no data). */
export type NodeRole = "combined" | "broker" | "controller";

export interface BrokerProcess {
  id: number;
  /** What the node runs as, when the runtime knows (absent: a broker, or combined). */
  role?: NodeRole;
  status: RuntimeStatus;
  /** Process id (local runtime). */
  pid?: number;
  /** Container id (Docker runtime). */
  containerId?: string;
  /** Epoch ms when the current status began, when known. */
  since: number | null;
  /** Human words on the status, e.g. an exit code or why it is missing. */
  detail?: string;
  /** Network faults in force on this broker, read back from the rules themselves. */
  faults?: NetworkFault[];
}

export type RuntimeKind = "local" | "docker" | "none";
