// The topic and partition tables as the API pages them (GET /api/topics and
// /api/topics/partitions): plain data shared by the monitor's index and the pages.
import type { ConsumerGroupLag, PartitionState, TopicSummary } from "./cluster";

/** A partition's trouble, worst first; judged on the effective view (as health is). */
export const PARTITION_STATUSES = ["offline", "under-min-isr", "under-replicated", "ok"] as const;
export type PartitionStatus = (typeof PARTITION_STATUSES)[number];
/** The state filter of /api/topics: every status, "problems" (anything but ok), or one status. */
export const STATE_FILTERS = ["all", "problems", ...PARTITION_STATUSES] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

/** One row of the partitions table: Kafka's ISR as stated, and the ISR without brokers known down. */
export interface PartitionRow extends PartitionState {
  status: PartitionStatus;
  effectiveIsr: number[];
}

/** Per-status partition counts over the whole cluster. */
export interface PartitionCounts {
  topics: number;
  partitions: number;
  offline: number;
  underMinIsr: number;
  underReplicated: number;
}

/** GET /api/topics: one page of topic summaries, trouble first, then by name. */
export interface TopicPage {
  at: number;
  reachable: boolean;
  counts: PartitionCounts;
  /** Topics matching the filter, before paging. */
  total: number;
  offset: number;
  limit: number;
  topics: (TopicSummary & { lag: number | null })[];
  groups: ConsumerGroupLag[];
}

/** GET /api/topics/partitions: one page of partitions, worst first, then topic, then partition. */
export interface PartitionPage {
  at: number;
  reachable: boolean;
  total: number;
  offset: number;
  limit: number;
  partitions: PartitionRow[];
}
