// The runtime's plain data (actions, process status): shared by the runtime, the
// monitor and the UI, so it lives below all of them.

export const BROKER_ACTIONS = ["kill", "stop", "pause", "resume", "restart", "start"] as const;
export type BrokerAction = (typeof BROKER_ACTIONS)[number];

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
}

export type RuntimeKind = "local" | "docker" | "none";
