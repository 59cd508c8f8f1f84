import type { TopicSummary } from "@/lib/model/cluster";

/** A topic's trouble as one sortable number: offline partitions outrank under-min-ISR, which outrank under-replicated. */
export function topicTrouble(t: Pick<TopicSummary, "offline" | "underMinIsr" | "underReplicated">): number {
  return t.offline * 1e9 + t.underMinIsr * 1e6 + t.underReplicated;
}
