// The runtime's plain data (actions, process status): shared by the runtime, the
// monitor and the UI, so it lives below all of them.

export const PROCESS_ACTIONS = ["kill", "stop", "pause", "resume", "restart", "start"] as const;
/** Network faults on one broker; `heal` removes every fault on it. */
export const NETWORK_ACTIONS = ["partition", "isolate", "heal"] as const;
export const BROKER_ACTIONS = [...PROCESS_ACTIONS, ...NETWORK_ACTIONS] as const;
export type BrokerAction = (typeof BROKER_ACTIONS)[number];
export type NetworkAction = (typeof NETWORK_ACTIONS)[number];

/**
 * partition: cut off from the other nodes (replication, KRaft), clients still reach it;
 * isolate: cut off from clients too.
 */
export type NetworkFaultKind = "partition" | "isolate";

export interface NetworkFault {
  kind: NetworkFaultKind;
  /** Epoch ms the fault was applied. */
  since: number;
}

/** What the process or container is doing, independent of what Kafka thinks of it. */
export type RuntimeStatus = "running" | "paused" | "exited" | "missing";

export interface BrokerProcess {
  id: number;
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
