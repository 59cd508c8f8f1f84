"use client";
// The drill page's data: the list (running drill's live progress + past reports),
// polled every second; one report by id; start and cancel. A DASHBOARD_TOKEN
// kept in this browser is sent with the mutations.
import { useCallback, useState } from "react";
import useSWR from "swr";
import type { DrillParamsInput } from "@/lib/drill/params";
import type { AnyReport, DrillProgress } from "@/lib/drill/progress";
import type { DrillList } from "@/lib/drill/service";
import type { ClusterSnapshot } from "@/lib/model/cluster";
import { FetchError, fetcher, sendJson } from "./fetcher";

export const DRILLS_KEY = "/api/drills";

export function useDrills() {
  const { data, error, isLoading, mutate } = useSWR<DrillList>(DRILLS_KEY, fetcher, { refreshInterval: 1000, keepPreviousData: true });
  return { list: data, error: error as FetchError | undefined, isLoading, refresh: mutate };
}

export function useDrillReport(id: string | null) {
  const { data, error, isLoading } = useSWR<AnyReport>(id ? `/api/drills/${id}` : null, fetcher, { revalidateOnFocus: false });
  return { report: data, error: error as FetchError | undefined, isLoading };
}

/** Broker ids the form offers, from the cluster snapshot. */
export function useDrillTargets() {
  const { data } = useSWR<ClusterSnapshot>("/api/cluster", fetcher, { refreshInterval: 10_000 });
  return { brokerIds: data?.brokers.map((b) => b.id) ?? [], runtimeAvailable: data?.runtime.available ?? null, runtimeKind: data?.runtime.kind };
}


export function useDrillActions(onChange: () => void) {
  const [busy, setBusy] = useState<"start" | "cancel" | null>(null);
  const [failure, setFailure] = useState<FetchError | null>(null);
  const act = useCallback(
    async (kind: "start" | "cancel", params?: DrillParamsInput) => {
      setBusy(kind);
      setFailure(null);
      try {
        if (kind === "start") await sendJson<{ drill: DrillProgress }>(DRILLS_KEY, "POST", params ?? {});
        else await sendJson<{ drill: DrillProgress }>(`${DRILLS_KEY}/current`, "DELETE");
        onChange();
      } catch (err) {
        setFailure(err instanceof FetchError ? err : new FetchError(0, "unknown", String(err)));
      } finally {
        setBusy(null);
      }
    },
    [onChange],
  );
  return {
    busy,
    failure,
    start: (params: DrillParamsInput) => act("start", params),
    cancel: () => act("cancel"),
  };
}
