"use client";
// Traffic control: start with settings, change rate / mix / failure rate while
// it runs, stop. The answer refreshes the flow's figures at once.
import { useCallback, useState } from "react";
import { mutate } from "swr";
import type { TrafficStatus } from "@/lib/model/traffic";
import type { TrafficAdjust, TrafficParamsInput } from "@/lib/traffic/params";
import { FetchError, sendJson } from "./fetcher";
import { FLOW_KEY } from "./use-flow";

export interface TrafficResponse {
  traffic: TrafficStatus | null;
  lag: { groupId: string; state: string; members: number; totalLag: number }[];
}

const KEY = "/api/traffic";

export function useTrafficActions() {
  const [busy, setBusy] = useState<"start" | "set" | "stop" | null>(null);
  const [failure, setFailure] = useState<FetchError | null>(null);
  const send = useCallback(async (kind: "start" | "set" | "stop", body: Record<string, unknown>) => {
    setBusy(kind);
    setFailure(null);
    try {
      await sendJson<TrafficResponse>(KEY, "POST", { action: kind, ...body });
      await mutate(FLOW_KEY);
    } catch (err) {
      setFailure(err instanceof FetchError ? err : new FetchError(0, "unknown", String(err)));
    } finally {
      setBusy(null);
    }
  }, []);
  return {
    busy,
    failure,
    start: (params: TrafficParamsInput) => send("start", { ...params }),
    set: (adjust: TrafficAdjust) => send("set", { ...adjust }),
    stop: () => send("stop", {}),
  };
}
