// The monitor through the dashboard's real HTTP API, against the real cluster.
import { afterEach, describe, expect, it } from "vitest";
import type { TimelineEntry } from "@/lib/model/cluster";
import { act, brokerState, cluster, healthy, timeline, waitForCluster } from "./api-client";
import { testRuntime } from "./helpers";
import { baseUrl } from "./server";

const runtime = testRuntime();

async function restoreCluster(): Promise<void> {
  for (const p of await runtime.list()) {
    if (p.status === "paused") await runtime.resume(p.id);
    if (p.status === "exited") await runtime.start(p.id);
  }
  const ok = await waitForCluster(healthy, 240_000, 500);
  if (!ok) throw new Error(`cluster did not heal: ${JSON.stringify((await cluster()).brokers.map((b) => [b.id, b.state]))}`);
}

afterEach(restoreCluster);

const has = (entries: TimelineEntry[], pred: (e: TimelineEntry) => boolean) => entries.some(pred);

describe("monitor through the API", () => {
  it("sees a SIGKILLed broker at once, then URP and DEGRADED, then the recovery with its duration", async () => {
    await restoreCluster();
    const before = (await timeline()).at(-1)?.id ?? 0;
    const t0 = Date.now();
    await runtime.kill(2);
    const down = await waitForCluster((s) => brokerState(s, 2) === "SHUTDOWN", 5000, 20);
    const seenAfter = Date.now() - t0;
    expect(down).not.toBeNull();
    expect(seenAfter).toBeLessThan(1000);

    const degraded = await waitForCluster((s) => s.figures.underReplicated > 0 && s.health === "DEGRADED", 60_000, 250);
    expect(degraded).not.toBeNull();
    const entries = (await timeline()).filter((e) => e.id > before);
    expect(has(entries, (e) => e.kind === "broker_state" && e.brokerId === 2 && /SHUTDOWN/.test(e.message))).toBe(true);
    expect(has(entries, (e) => e.kind === "urp_started")).toBe(true);

    const res = await act(2, "restart");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { broker: { status: string } }).broker.status).toBe("running");
    expect(await waitForCluster(healthy, 240_000, 250)).not.toBeNull();
    const after = (await timeline()).filter((e) => e.id > before);
    expect(has(after, (e) => e.kind === "action" && e.brokerId === 2 && /restart/.test(e.message))).toBe(true);
    const recovered = after.find((e) => e.kind === "urp_recovered");
    expect(recovered?.durationMs).toBeGreaterThan(0);
    expect(recovered?.message).toMatch(/recovered in \d+(\.\d)? s/);
  });

  it("shows a new active controller when the controller is killed (KRaft quorum, not kafkajs's guess)", async () => {
    const s = await cluster();
    const leader = s.quorum?.leaderId;
    expect(leader).toBeGreaterThan(0);
    expect(s.controllerId).toBe(leader);
    expect(s.brokers.filter((b) => b.isController).map((b) => b.id)).toEqual([leader]);
    await runtime.kill(leader as number);
    const moved = await waitForCluster((x) => (x.quorum?.leaderId ?? -1) > 0 && x.quorum?.leaderId !== leader, 60_000, 250);
    expect(moved).not.toBeNull();
    expect(moved?.controllerId).toBe(moved?.quorum?.leaderId);
  });

  it("reports CRITICAL with two brokers down and keeps answering within its timeout", async () => {
    await runtime.kill(1);
    await runtime.kill(3);
    const critical = await waitForCluster((s) => s.health === "CRITICAL" || s.health === "UNREACHABLE", 60_000, 250);
    expect(critical).not.toBeNull();
    expect(critical?.healthReason.length).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) {
      const t = Date.now();
      const s = await cluster();
      expect(Date.now() - t).toBeLessThan(3000);
      expect(brokerState(s, 1)).toBe("SHUTDOWN");
      expect(brokerState(s, 3)).toBe("SHUTDOWN");
    }
  });

  it("marks a paused broker UNRESPONSIVE while the API keeps answering", async () => {
    const res = await act(3, "pause");
    expect(res.status).toBe(200);
    const frozen = await waitForCluster((s) => brokerState(s, 3) === "UNRESPONSIVE", 10_000, 100);
    expect(frozen).not.toBeNull();
    const t = Date.now();
    await cluster();
    expect(Date.now() - t).toBeLessThan(3000);
    expect((await act(3, "resume")).status).toBe(200);
  });

  it("pushes the SHUTDOWN state over server-sent events, without polling", async () => {
    const ac = new AbortController();
    const res = await fetch(`${baseUrl()}/api/stream`, { signal: ac.signal });
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    const sawShutdown = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return false;
        buffer += decoder.decode(value, { stream: true });
        let i: number;
        while ((i = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          if (!block.includes("event: snapshot")) continue;
          const data = block.split("\n").find((l) => l.startsWith("data: "));
          const snap = JSON.parse(data?.slice(6) ?? "{}") as { brokers?: { id: number; state: string }[] };
          if (snap.brokers?.some((b) => b.id === 1 && b.state === "SHUTDOWN")) return true;
        }
      }
    })();
    await runtime.kill(1);
    const timer = setTimeout(() => ac.abort(), 10_000);
    try {
      expect(await sawShutdown).toBe(true);
    } finally {
      clearTimeout(timer);
      ac.abort();
    }
  });
});
