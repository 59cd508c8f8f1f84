"use client";
// Topics and partitions, one page at a time: a cluster can have a thousand
// topics and ten thousand partitions, so neither rides the stream nor comes
// whole. Each page polls; the last answer in which Kafka answered is kept to
// show greyed while it does not.
import { useRef } from "react";
import useSWR from "swr";
import type { PartitionPage, StateFilter, TopicPage } from "@/lib/model/topics";
import { fetcher } from "./fetcher";

const REFRESH_MS = 2000;

export interface TopicPageQuery {
  q: string;
  state: StateFilter;
  offset: number;
  limit: number;
}

export interface PartitionPageQuery {
  topic?: string;
  state: StateFilter;
  offset: number;
  limit: number;
}

function url(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "" && v !== "all") search.set(k, String(v));
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

function usePaged<T extends { reachable: boolean }>(key: string) {
  const { data, error, isLoading } = useSWR<T>(key, fetcher, { refreshInterval: REFRESH_MS, keepPreviousData: true, errorRetryInterval: REFRESH_MS });
  const lastKnown = useRef<T | undefined>(undefined);
  if (data && data.reachable && data !== lastKnown.current) lastKnown.current = data;
  return { data, lastKnown: lastKnown.current, error: error as Error | undefined, isLoading };
}

export function useTopicPage(q: TopicPageQuery) {
  return usePaged<TopicPage>(url("/api/topics", { q: q.q.trim(), state: q.state, offset: q.offset || undefined, limit: q.limit }));
}

export function usePartitionPage(q: PartitionPageQuery) {
  return usePaged<PartitionPage>(url("/api/topics/partitions", { topic: q.topic, state: q.state, offset: q.offset || undefined, limit: q.limit }));
}
