// The cluster data model: what Kafka and the runtime were seen to say at one
// poll (Observation), and what the monitor derives from it (ClusterSnapshot,
// history points, timeline entries). Plain data only, so every derivation is a
// pure function tested with plain objects.
import type { BrokerProcess, RuntimeKind } from "./runtime";

/** PARTITIONED: its process runs, and a network fault of ours cuts it off from its peers (and, isolated, from clients). */
export const BROKER_STATES = ["RUNNING", "STARTING", "RECOVERING", "PARTITIONED", "SHUTDOWN", "UNRESPONSIVE"] as const;
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
  /** When it was scraped (epoch ms): rates are over the time between two samples, not between polls. */
  at: number;
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

/**
 * A broker's log directories as it reports them (DescribeLogDirs): the bytes its
 * replicas hold, and the filesystem's total and usable bytes (Kafka 3.3+, KIP-827).
 * Sampled on a slower cadence than the poll; `at` says when.
 */
export interface BrokerDisk {
  at: number;
  logDirs: number;
  /** Sum of every replica's size in its log dirs. */
  sizeBytes: number;
  /** Filesystem size and free space under the log dirs; null when the broker does not report them. */
  totalBytes: number | null;
  usableBytes: number | null;
  /** A log dir answered with an error (offline dir, storage error): the figures leave it out. */
  estimate: boolean;
  error?: string;
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
  /** The sample before each of those (metrics are scraped every few seconds, not every poll); rates come from the two. */
  metricsBefore?: Record<number, BrokerMetricsSample>;
  /** Each broker's own liveness probe (ApiVersions on a connection of its own), by id. */
  liveness: Record<number, LivenessProbe>;
  /** What each KRaft voter said when asked directly (or through brokers when no controller endpoint is known). */
  voterViews: VoterView[];
  /** How the quorum was asked: "controllers" directly (KIP-919), or forwarded "brokers". */
  quorumVia: "controllers" | "brokers";
  /** broker.session.timeout.ms read from the cluster's own config; null until read. */
  sessionTimeoutMs: number | null;
  /** The address whose metadata answer this is; null when nothing answered. */
  answeredBy: string | null;
  /** Canary writes of this poll; null when the canary is off. */
  canary: CanaryObservation | null;
  /** Each broker's log dirs as last sampled (every 30 s, not every poll); absent brokers were never sampled. */
  disks?: Record<number, BrokerDisk>;
  /** How long each part of this poll took, in ms (what the poll waited on, for operators and the benches). */
  timings?: PollTimings;
}

/** The parts of one poll; metadata first, the others at once after it. */
export type PollPart = "metadata" | "quorum" | "offsets" | "liveness" | "configs" | "metrics" | "canary";
export type PollTimings = Partial<Record<PollPart, number>>;

export interface LivenessProbe {
  ok: boolean;
  /** Round trip of the probe; null when it failed. */
  ms: number | null;
  /** "timeout" (accepted, no answer: frozen or overloaded), "refused" (nothing listening), "error". */
  failure?: "timeout" | "refused" | "error";
  error?: string;
}

export interface VoterView {
  id: number;
  /** The controller endpoint asked; null when it was asked through a broker. */
  endpoint: string | null;
  answered: boolean;
  /** Epoch ms of this voter's last answer to us, this poll or before. */
  lastAnsweredAt: number | null;
  /** The active controller this voter believes in: -1 none, null when it did not answer. */
  leaderId: number | null;
  /** It answered DescribeQuorum as the leader itself: the only proof of an active controller. */
  confirmedLeader: boolean;
  error?: string;
}

export interface CanaryWrite {
  partition: number;
  /** The broker this partition is meant to be led by (first replica). */
  broker: number;
  /** The leader the write was sent to; -1 when the partition had no leader. */
  leader: number;
  ok: boolean;
  produceMs: number | null;
  /** Send → the record read back from the leader. */
  endToEndMs: number | null;
  error?: string;
}

export interface CanaryObservation {
  topic: string;
  at: number;
  /** Empty with an error when the topic is missing or could not be written at all. */
  writes: CanaryWrite[];
  error?: string;
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
  /** A dedicated KRaft controller: a voter that holds no data and serves no clients. */
  controllerOnly: boolean;
  leaderCount: number;
  replicaCount: number;
  /** Partitions it replicates but is missing from the ISR of. */
  outOfSyncCount: number;
  rates: BrokerRates | null;
  /** Consecutive polls its own liveness probe failed (0 when it answered). */
  probeFailures: number;
  /** Last liveness round trip in ms. */
  probeMs: number | null;
  /** Known down or frozen (runtime or its own probe): its replicas leave the effective ISR. */
  effectivelyDown: boolean;
  /** Since when it is known down (its process's status time, else the first poll that saw it). */
  downSince: number | null;
  /** Its log dirs, as last sampled; null for a controller or a broker never sampled. */
  disk: BrokerDisk | null;
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
  /** Effective figures (Kafka's ISR minus replicas on brokers known down): what health is judged on. */
  underReplicated: number;
  underMinIsr: number;
  offline: number;
  /** Led by a broker known down while an in-sync replica waits to take over (writes stall until Kafka elects). */
  leaderDown: number;
  messagesInPerSec: number | null;
  leadersPerBroker: Record<number, number>;
}

/** The same figures as Kafka's own metadata states them (lags reality; frozen without a controller). */
export interface KafkaViewFigures {
  underReplicated: number;
  underMinIsr: number;
  offline: number;
}

/** Where Kafka's view and the effective view part, in words, with why and until when. */
export interface ViewDifference {
  brokerId: number;
  /** ISRs that still list the broker. */
  isrCount: number;
  /** Partitions it still leads in Kafka's metadata. */
  leaderCount: number;
  /** Still registered (unfenced) in Kafka's metadata. */
  registered: boolean;
  /** When Kafka should fence it (last heartbeat + session timeout); null when unknown or not expected. */
  fenceExpectedAt: number | null;
  message: string;
}

export type QuorumStatus = "ok" | "electing" | "lost";

export interface QuorumVerdict {
  status: QuorumStatus;
  /** Confirmed active controller; null when none answered as leader. */
  activeControllerId: number | null;
  voters: number;
  alive: number;
  majority: number;
  /** Voters judged dead (runtime or no answer), ascending. */
  down: number[];
  /** Since when no voter has confirmed leadership; null while one does. */
  noLeaderSince: number | null;
  reason: string;
  views: VoterView[];
  via: "controllers" | "brokers";
}

export interface CanaryPartitionState extends CanaryWrite {
  /** Consecutive polls this partition's canary write failed. */
  failStreak: number;
  /** A failure Kafka is expected to clear by itself (a broker down, not yet fenced, or an election under way). */
  explained: boolean;
}

export interface CanaryState {
  topic: string;
  at: number;
  status: "ok" | "stalled" | "failing" | "unknown";
  reason: string;
  partitions: CanaryPartitionState[];
}

export interface RuntimeInfo {
  kind: RuntimeKind;
  available: boolean;
  reason: string | null;
  /** Whether network faults (partition, isolate) can be made here, and slow; why not when they cannot. Absent: not checked. */
  faults?: { available: boolean; reason: string | null; slow?: { available: boolean; reason: string | null } };
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
  quorumVerdict: QuorumVerdict;
  brokers: BrokerView[];
  /** The notable topics (troubled first, then the busiest; at most 25): /api/topics pages all of them, figures.topics counts them. */
  topics: TopicSummary[];
  figures: ClusterFigures;
  kafkaView: KafkaViewFigures;
  /** Non-empty when Kafka's metadata says more is in sync than is (brokers down, not yet fenced). */
  viewDifferences: ViewDifference[];
  /** Kafka's metadata cannot change without an active controller: since when it is frozen. */
  metadataFrozenSince: number | null;
  canary: CanaryState | null;
  sessionTimeoutMs: number | null;
  answeredBy: string | null;
  groups: ConsumerGroupLag[];
  /** Poll duration in ms (how long the observation took). */
  pollMs: number;
  /** Each part of that poll, in ms (absent parts did not run). */
  pollParts?: PollTimings;
}

export interface HistoryPoint {
  at: number;
  health: ClusterHealth;
  messagesInPerSec: number | null;
  /** The busiest topics' rates (at most 20); the rest of the cluster's rate is otherTopics. */
  perTopic: Record<string, number>;
  otherTopics: number;
  underReplicated: number;
  underMinIsr: number;
  offline: number;
  leadersPerBroker: Record<number, number>;
  bytesInPerSec: Record<number, number>;
  bytesOutPerSec: Record<number, number>;
  totalLag: number;
  /** Canary produce latency per broker (its own partition); absent when the write failed. */
  canaryMs: Record<number, number>;
  /** Brokers whose canary write failed at this point. */
  canaryFailed: number[];
  /** Bytes in each broker's log dirs, as last sampled. */
  logDirBytes: Record<number, number>;
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

