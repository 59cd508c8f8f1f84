"use client";
// The Event flow's figures: the run's status, every stage's rate and latency,
// and five minutes of chart points, polled every second (the stages move fast;
// the answer is a few KiB).
import useSWR from "swr";
import type { FlowResponse } from "@/lib/model/traffic";
import type { FetchError } from "./fetcher";
import { fetcher } from "./fetcher";

export const FLOW_KEY = "/api/flow?history=300";

export function useFlow() {
  const { data, error, isLoading } = useSWR<FlowResponse>(FLOW_KEY, fetcher, { refreshInterval: 1000, keepPreviousData: true });
  return { data, error: error as FetchError | undefined, isLoading };
}
