"use client";
// The timeline: fetched once, then grown by the entries the live stream pushes
// (appendTimelineEntry); a slow refresh covers gaps the stream may have left.
import useSWR, { mutate } from "swr";
import type { TimelineEntry } from "@/lib/model/cluster";
import { fetcher } from "./fetcher";

export const TIMELINE_KEY = "/api/timeline?limit=200";
const KEEP = 500;

interface TimelineResponse {
  entries: TimelineEntry[];
}

export function useTimeline() {
  const { data, error, isLoading } = useSWR<TimelineResponse>(TIMELINE_KEY, fetcher, {
    refreshInterval: 15_000,
    keepPreviousData: true,
  });
  // Newest first is how an operator reads an incident log.
  const entries = data ? [...data.entries].reverse() : [];
  return { entries, error: error as Error | undefined, isLoading };
}

export function appendTimelineEntry(entry: TimelineEntry): void {
  void mutate<TimelineResponse>(
    TIMELINE_KEY,
    (cur) => {
      if (!cur) return cur;
      const last = cur.entries[cur.entries.length - 1];
      if (last && entry.id <= last.id) return cur;
      return { entries: [...cur.entries, entry].slice(-KEEP) };
    },
    // Nothing cached yet: fetch instead, or the first entries would be lost to the race.
    { revalidate: (data) => data === undefined },
  );
}

export function resyncTimeline(): void {
  void mutate(TIMELINE_KEY);
}
