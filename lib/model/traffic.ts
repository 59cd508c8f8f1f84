// A traffic run's status as the API serves it (the flow's figures are apart, in flow.ts).
import type { FlowFigures, FlowHandler, FlowPoint } from "./flow";

/** A run's settings (lib/traffic/params.ts validates them; its output type is this). */
export interface TrafficSettings {
  rate: number;
  durationSec: number;
  maxEvents?: number | undefined;
  /** Whole percents per category, adding up to 100. */
  mix: { user_action: number; content_interaction: number; system_event: number };
  failureRate: number;
  poisonRate: number;
  maxAttempts: number;
  retryBackoffMs: number;
}

export type TrafficState = "starting" | "running" | "draining" | "stopped" | "failed";
export type StopReason = "time" | "count" | "operator" | "error";

export interface TrafficGroupStatus {
  groupId: FlowHandler;
  consumed: number;
  /** From this member's last fetch: high watermark − next offset. */
  lag: number;
  lastBatchAt: number | null;
  restarts: number;
  work: Record<string, number>;
}

export interface TrafficStatus {
  state: TrafficState;
  params: TrafficSettings;
  /** The generator's seed: every event id of this run starts with `evt-<seed>-`. */
  seed: number;
  startedAt: number | null;
  endsAt: number | null;
  /** When the producer stopped making events (null while it runs). */
  producedUntil: number | null;
  maxEvents: number;
  created: number;
  /** Acknowledged by Kafka (acks=all). */
  produced: number;
  /** Not made because the backlog was full (a stalled cluster): never owed, never sent. */
  skipped: number;
  /** Events created and not acknowledged yet. */
  backlog: number;
  /** Events per second acknowledged over the last 5 s. */
  currentRate: number;
  stoppedReason: StopReason | null;
  lastError: string | null;
  groups: TrafficGroupStatus[];
}

/** GET /api/flow */
export interface FlowResponse {
  run: TrafficStatus | null;
  flow: FlowFigures | null;
  history: FlowPoint[];
}
