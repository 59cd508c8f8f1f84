// A tiny client for the dashboard's HTTP API, as the tests use it.
import type { ClusterSnapshot, TimelineEntry } from "@/lib/model/cluster";
import type { PartitionPage } from "@/lib/model/topics";
import { pollUntil } from "@/lib/util/poll";
import { baseUrl, TEST_TOKEN } from "./server";

export async function getJson<T>(path: string, timeoutMs = 5000): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const cluster = () => getJson<ClusterSnapshot>("/api/cluster");
/** Every partition (one page of up to 1,000, worst first), or those in one state. */
export const topics = (state = "all") => getJson<PartitionPage>(`/api/topics/partitions?limit=1000&state=${state}`);
export const timeline = () => getJson<{ entries: TimelineEntry[] }>("/api/timeline?limit=1000").then((r) => r.entries);

/** A same-origin JSON POST carrying the token, as the dashboard page sends it. */
export function act(id: number | string, action: string, init: { token?: string | null; origin?: string | null; body?: unknown } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const token = init.token === undefined ? TEST_TOKEN : init.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const origin = init.origin === undefined ? baseUrl() : init.origin;
  if (origin !== null) headers.origin = origin;
  const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  return fetch(`${baseUrl()}/api/brokers/${id}/${action}`, { method: "POST", headers, body, signal: AbortSignal.timeout(120_000) });
}

export const brokerState = (s: ClusterSnapshot, id: number) => s.brokers.find((b) => b.id === id)?.state;

/** Polls /api/cluster until `check` holds; returns the snapshot that satisfied it. */
export async function waitForCluster(
  check: (s: ClusterSnapshot) => boolean,
  timeoutMs: number,
  intervalMs = 100,
): Promise<ClusterSnapshot | null> {
  let hit: ClusterSnapshot | null = null;
  await pollUntil(
    async () => {
      const s = await cluster();
      if (check(s)) hit = s;
      return hit !== null;
    },
    { timeoutMs, intervalMs },
  );
  return hit;
}

export const healthy = (s: ClusterSnapshot) =>
  s.health === "HEALTHY" && s.figures.underReplicated === 0 && s.brokers.every((b) => b.state === "RUNNING");
