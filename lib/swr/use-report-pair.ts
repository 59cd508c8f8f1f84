"use client";
// Two stored reports for the comparison page. Same keys as useDrillReport, so a
// report already opened on the Drill page comes from SWR's cache. Reports never
// change once written: no polling, no refetch on focus. An id that is not a
// report id is never fetched (it would otherwise end up in the URL).
import useSWR from "swr";
import type { AnyReport } from "@/lib/drill/progress";
import { isReportId } from "@/lib/drill/report-id";
import { FetchError, fetcher } from "./fetcher";

const keyOf = (id: string | null) => (id !== null && isReportId(id) ? `/api/drills/${encodeURIComponent(id)}` : null);
const once = { revalidateOnFocus: false, revalidateIfStale: false, shouldRetryOnError: false } as const;

export function useReportPair(a: string | null, b: string | null) {
  const ra = useSWR<AnyReport>(keyOf(a), fetcher, once);
  const rb = useSWR<AnyReport>(keyOf(b), fetcher, once);
  return {
    a: ra.data,
    b: rb.data,
    errorA: ra.error as FetchError | undefined,
    errorB: rb.error as FetchError | undefined,
    isLoading: ra.isLoading || rb.isLoading,
  };
}
