"use client";
// Topics, partitions and consumer-group lag. Partitions are not on the stream
// (a big cluster has thousands), so this polls; the last answer that had any
// partitions is kept to show greyed while Kafka does not answer.
import { useRef } from "react";
import useSWR from "swr";
import type { ConsumerGroupLag, PartitionState, TopicSummary } from "@/lib/model/cluster";
import { fetcher } from "./fetcher";

export interface TopicsResponse {
  at: number;
  topics: TopicSummary[];
  partitions: PartitionState[];
  groups: ConsumerGroupLag[];
}

export function useTopics() {
  const { data, error, isLoading } = useSWR<TopicsResponse>("/api/topics", fetcher, {
    refreshInterval: 2000,
    keepPreviousData: true,
    errorRetryInterval: 2000,
  });
  const lastKnown = useRef<TopicsResponse | undefined>(undefined);
  if (data && data.partitions.length > 0 && data !== lastKnown.current) lastKnown.current = data;
  return { data, lastKnown: lastKnown.current, error: error as Error | undefined, isLoading };
}
