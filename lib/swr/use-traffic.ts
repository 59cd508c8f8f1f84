"use client";
// Background traffic: its status (polled every 2 s) with the three groups'
// committed lag from the monitor, and start/stop.
import { useCallback, useState } from "react";
import useSWR from "swr";
import type { TrafficStatus } from "@/lib/traffic/runner";
import { FetchError, fetcher, sendJson } from "./fetcher";

export interface TrafficResponse {
  traffic: TrafficStatus | null;
  lag: { groupId: string; state: string; members: number; totalLag: number }[];
}

const KEY = "/api/traffic";

export function useTraffic() {
  const { data, error, isLoading, mutate } = useSWR<TrafficResponse>(KEY, fetcher, { refreshInterval: 2000, keepPreviousData: true });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FetchError | null>(null);
  const send = useCallback(
    async (body: { action: "start"; rate: number; durationSec: number } | { action: "stop" }) => {
      setBusy(true);
      setFailure(null);
      try {
        await mutate(await sendJson<TrafficResponse>(KEY, "POST", body), { revalidate: false });
      } catch (err) {
        setFailure(err instanceof FetchError ? err : new FetchError(0, "unknown", String(err)));
      } finally {
        setBusy(false);
      }
    },
    [mutate],
  );
  return {
    data,
    error: error as FetchError | undefined,
    isLoading,
    busy,
    failure,
    start: (rate: number, durationSec: number) => send({ action: "start", rate, durationSec }),
    stop: () => send({ action: "stop" }),
  };
}
