"use client";
// Chart history: the server's ring buffer fetched once, then one point appended
// per live snapshot (the same historyPoint() the server uses), trimmed to the window.
import useSWR, { mutate } from "swr";
import { historyPoint } from "@/lib/monitor/history";
import type { ClusterSnapshot, HistoryPoint } from "@/lib/model/cluster";
import { fetcher } from "./fetcher";

export const HISTORY_MINUTES = 15;
export const HISTORY_KEY = `/api/history?minutes=${HISTORY_MINUTES}`;
const WINDOW_MS = HISTORY_MINUTES * 60_000;

interface HistoryResponse {
  minutes: number;
  points: HistoryPoint[];
}

export function useHistory() {
  const { data, error, isLoading } = useSWR<HistoryResponse>(HISTORY_KEY, fetcher, {
    refreshInterval: 60_000,
    keepPreviousData: true,
  });
  return { points: data?.points ?? [], error: error as Error | undefined, isLoading };
}

export function appendHistoryPoint(snapshot: ClusterSnapshot): void {
  const point = historyPoint(snapshot);
  void mutate<HistoryResponse>(
    HISTORY_KEY,
    (cur) => {
      if (!cur) return cur;
      const last = cur.points[cur.points.length - 1];
      if (last && point.at < last.at) return cur;
      // A runtime change re-derives the last poll: same time, newer figures.
      const kept = last && last.at === point.at ? cur.points.slice(0, -1) : cur.points;
      const from = point.at - WINDOW_MS;
      return { ...cur, points: [...kept.filter((p) => p.at >= from), point] };
    },
    { revalidate: (data) => data === undefined },
  );
}

export function resyncHistory(): void {
  void mutate(HISTORY_KEY);
}
