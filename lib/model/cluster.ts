// The cluster data model: what Kafka and the runtime were seen to say at one
// poll (Observation), and what the monitor derives from it (ClusterSnapshot,
// history points, timeline entries). Plain data only, so every derivation is a
// pure function tested with plain objects.
import type { BrokerProcess, RuntimeKind } from "./runtime";

export const BROKER_STATES = ["RUNNING", "STARTING", "RECOVERING", "SHUTDOWN", "UNRESPONSIVE"] as const;
export type BrokerState = (typeof BROKER_STATES)[number];

export const CLUSTER_HEALTHS = ["HEALTHY", "DEGRADED", "CRITICAL", "UNREACHABLE"] as const;
export type ClusterHealth = (typeof CLUSTER_HEALTHS)[number];

export interface PartitionState {
  topic: string;
  partition: number;
  /** -1 when the partition has no leader (offline). */
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

export interface QuorumMember {
  id: number;
  logEndOffset: number;
  /** Leader's log end offset minus this member's; 0 for the leader. */
  lag: number;
  lastFetchTimestamp: number | null;
  lastCaughtUpTimestamp: number | null;
}

export interface QuorumState {
  /** The active KRaft controller; -1 when the quorum has no leader. */
  leaderId: number;
  leaderEpoch: number;
  highWatermark: number;
  voters: QuorumMember[];
  observers: QuorumMember[];
}

export interface ConsumerGroupLag {
  groupId: string;
  state: string;
  members: number;
  totalLag: number;
  topics: { topic: string; lag: number }[];
}

/** Kafka's own per-broker figures from the JMX exporter (counters are cumulative). */
export interface BrokerMetricsSample {
  bytesInTotal: number;
  bytesOutTotal: number;
  messagesInTotal: number;
  requestsTotal: number;
}

/** Per-second rates derived from two metric samples. */
export interface BrokerRates {
  bytesInPerSec: number;
  bytesOutPerSec: number;
  messagesInPerSec: number;
  requestsPerSec: number;
}

/** One poll's raw findings. Produced by lib/kafka (I/O), consumed by pure derivations. */
export interface Observation {
  at: number;
  /** True when at least one broker answered the metadata request. */
  reachable: boolean;
  error?: string;
  /** Brokers present (registered, unfenced) in cluster metadata. */
  registered: { id: number; host: string; port: number }[];
  /** Broker ids that answered a direct request within the timeout this poll. */
  responsive: number[];
  partitions: PartitionState[];
  /** min.insync.replicas per topic (cluster default when not overridden). */
  minIsr: Record<string, number>;
  quorum: QuorumState | null;
  /** High watermark per topic, per partition. */
  highWatermarks: Record<string, Record<number, number>>;
  groups: ConsumerGroupLag[];
  /** JMX exporter samples per broker id; absent when the exporter is not reachable. */
  metrics: Record<number, BrokerMetricsSample>;
}

export interface BrokerView {
  id: number;
  host: string | null;
  port: number | null;
  state: BrokerState;
  /** Why it has that state, in words. */
  reason: string;
  registered: boolean;
  runtime: BrokerProcess | null;
  isController: boolean;
  isVoter: boolean;
  leaderCount: number;
  replicaCount: number;
  /** Partitions it replicates but is missing from the ISR of. */
  outOfSyncCount: number;
  rates: BrokerRates | null;
}

export interface TopicSummary {
  name: string;
  partitions: number;
  replicationFactor: number;
  minIsr: number;
  underReplicated: number;
  underMinIsr: number;
  offline: number;
  messagesInPerSec: number | null;
}

export interface ClusterFigures {
  brokers: number;
  topics: number;
  partitions: number;
  underReplicated: number;
  underMinIsr: number;
  offline: number;
  messagesInPerSec: number | null;
  leadersPerBroker: Record<number, number>;
}

export interface RuntimeInfo {
  kind: RuntimeKind;
  available: boolean;
  reason: string | null;
}

export interface ClusterSnapshot {
  seq: number;
  at: number;
  health: ClusterHealth;
  healthReason: string;
  reachable: boolean;
  error: string | null;
  runtime: RuntimeInfo;
  controllerId: number | null;
  quorum: QuorumState | null;
  brokers: BrokerView[];
  topics: TopicSummary[];
  figures: ClusterFigures;
  groups: ConsumerGroupLag[];
  /** Poll duration in ms (how long the observation took). */
  pollMs: number;
}

export interface HistoryPoint {
  at: number;
  health: ClusterHealth;
  messagesInPerSec: number | null;
  perTopic: Record<string, number>;
  underReplicated: number;
  underMinIsr: number;
  offline: number;
  leadersPerBroker: Record<number, number>;
  bytesInPerSec: Record<number, number>;
  bytesOutPerSec: Record<number, number>;
  totalLag: number;
}

export type TimelineKind =
  | "broker_state"
  | "controller"
  | "leader_moves"
  | "urp_started"
  | "urp_recovered"
  | "health"
  | "runtime"
  | "action";

export interface TimelineEntry {
  id: number;
  at: number;
  kind: TimelineKind;
  severity: "info" | "ok" | "warn" | "critical";
  message: string;
  brokerId?: number;
  /** For urp_recovered: how long URP stayed above 0. */
  durationMs?: number;
}
