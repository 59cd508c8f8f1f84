"use client";
// The drill page's data: the list (running drill's live progress + past reports),
// polled every second; one report by id; start and cancel. A DASHBOARD_TOKEN
// kept in this browser is sent with the mutations.
import { useCallback, useState } from "react";
import useSWR from "swr";
import type { DrillParamsInput } from "@/lib/drill/params";
import type { DrillProgress, StoredDrillReport } from "@/lib/drill/progress";
import type { DrillList } from "@/lib/drill/service";
import type { ClusterSnapshot } from "@/lib/monitor/types";
import { FetchError, fetcher } from "./fetcher";
import { readToken } from "./token";

export const DRILLS_KEY = "/api/drills";

export function useDrills() {
  const { data, error, isLoading, mutate } = useSWR<DrillList>(DRILLS_KEY, fetcher, { refreshInterval: 1000, keepPreviousData: true });
  return { list: data, error: error as FetchError | undefined, isLoading, refresh: mutate };
}

export function useDrillReport(id: string | null) {
  const { data, error, isLoading } = useSWR<StoredDrillReport>(id ? `/api/drills/${id}` : null, fetcher, { revalidateOnFocus: false });
  return { report: data, error: error as FetchError | undefined, isLoading };
}

/** Broker ids the form offers, from the cluster snapshot. */
export function useDrillTargets() {
  const { data } = useSWR<ClusterSnapshot>("/api/cluster", fetcher, { refreshInterval: 10_000 });
  return { brokerIds: data?.brokers.map((b) => b.id) ?? [], runtimeAvailable: data?.runtime.available ?? null, runtimeKind: data?.runtime.kind };
}

/** A JSON mutation with the stored token, failing with the API's {code, message}. */
export async function sendJson<T>(url: string, method: "POST" | "DELETE", body?: unknown): Promise<T> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const token = readToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store" });
  } catch (err) {
    throw new FetchError(0, "network", `the dashboard server did not answer (${err instanceof Error ? err.message : String(err)})`);
  }
  const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) throw new FetchError(res.status, json?.error?.code ?? "http_error", json?.error?.message ?? `HTTP ${res.status}`);
  return json as T;
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
