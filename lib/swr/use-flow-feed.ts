"use client";
// The live feed (the lesson's "UI updated" stage) and its measurement: each
// item pushed by /api/flow/feed is rendered, and once the browser has painted
// it (the animation frame after React's commit) its latency — event created →
// on screen — is measured here and reported back every second to
// /api/flow/ui-latency, where it joins the flow's figures.
import { useCallback, useEffect, useRef, useState } from "react";
import type { FeedItem } from "@/lib/model/flow";
import { sendJson } from "./fetcher";

const SHOWN = 15;
const REPORT_MS = 1000;
const MAX_REPORT = 500;
/** Below this the two clocks are taken as one (same machine): no correction. */
const SKEW_TOLERANCE_MS = 100;

export type FeedConnection = "connecting" | "live" | "down";

export interface ShownItem extends FeedItem {
  /** Arrived live (timed); false for the backlog sent on connect. */
  live: boolean;
}

export function useFlowFeed() {
  const [items, setItems] = useState<ShownItem[]>([]);
  const [connection, setConnection] = useState<FeedConnection>("connecting");
  const [measured, setMeasured] = useState({ count: 0, lastMs: null as number | null, reported: 0, skewMs: 0 });
  const pending = useRef<number[]>([]);
  const timed = useRef(new Set<string>());
  /** Browser clock − server clock, estimated from the stream's clock ticks (min over recent ones). */
  const skew = useRef<number[]>([]);

  useEffect(() => {
    const es = new EventSource("/api/flow/feed");
    es.addEventListener("open", () => setConnection("live"));
    es.addEventListener("error", () => setConnection(es.readyState === EventSource.CLOSED ? "down" : "connecting"));
    es.addEventListener("backlog", (ev) => {
      const old = JSON.parse((ev as MessageEvent<string>).data) as FeedItem[];
      setItems(old.slice(-SHOWN).reverse().map((i) => ({ ...i, live: false })));
    });
    es.addEventListener("item", (ev) => {
      const item = JSON.parse((ev as MessageEvent<string>).data) as FeedItem;
      setItems((cur) => [{ ...item, live: true }, ...cur.filter((c) => c.key !== item.key)].slice(0, SHOWN));
    });
    es.addEventListener("clock", (ev) => {
      setConnection("live");
      skew.current = [...skew.current.slice(-9), Date.now() - Number((ev as MessageEvent<string>).data)];
    });
    return () => es.close();
  }, []);

  // After each commit: the next animation frame is when the new items are painted.
  const awaitingPaint = useRef<ShownItem[]>([]);
  const frame = useRef<number | null>(null);
  useEffect(() => {
    const fresh = items.filter((i) => i.live && !timed.current.has(i.key));
    if (fresh.length === 0) return;
    for (const i of fresh) timed.current.add(i.key);
    if (timed.current.size > 1000) timed.current = new Set([...timed.current].slice(-200));
    // A hidden tab paints nothing until it is shown again: its wait is the reader's, not the pipeline's.
    if (document.visibilityState === "hidden") return;
    awaitingPaint.current.push(...fresh);
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const now = Date.now();
      const est = skew.current.length > 0 ? Math.min(...skew.current) : 0;
      const correction = Math.abs(est) > SKEW_TOLERANCE_MS ? est : 0;
      const latencies = awaitingPaint.current.splice(0).map((i) => Math.max(0, now - correction - i.createdAt));
      pending.current.push(...latencies);
      if (pending.current.length > MAX_REPORT * 4) pending.current.splice(0, pending.current.length - MAX_REPORT * 4);
      setMeasured((m) => ({ ...m, count: m.count + latencies.length, lastMs: latencies[latencies.length - 1] ?? m.lastMs, skewMs: correction }));
    });
  }, [items]);
  useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);

  const report = useCallback(async () => {
    const samples = pending.current.splice(0, MAX_REPORT);
    if (samples.length === 0) return;
    try {
      const r = await sendJson<{ recorded: number }>("/api/flow/ui-latency", "POST", { samples });
      setMeasured((m) => ({ ...m, reported: m.reported + r.recorded }));
    } catch {
      // No run to report to, or the server is away: these samples are dropped, the feed goes on.
    }
  }, []);

  useEffect(() => {
    const timer = setInterval(() => void report(), REPORT_MS);
    return () => clearInterval(timer);
  }, [report]);

  return { items, connection, measured };
}
