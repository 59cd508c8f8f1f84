// Shaping history points into chart rows. Pure, and bounded: a cluster with
// thousands of topics or dozens of brokers still draws a handful of series.
import type { HistoryPoint, TimelineEntry } from "@/lib/model/cluster";

export type Row = { at: number } & Record<string, number | null>;

export interface Series {
  key: string;
  label: string;
  color: string;
  /** Drawn as dots only, no line: events (a failed write), not a measure. */
  dots?: boolean;
}

export interface Marker {
  at: number;
  label: string;
  /** A merged marker: every action it stands for ("14:03:22 kill 2"), for its tooltip. */
  details?: string[];
}

/**
 * Markers closer together than 1/`slots` of the time span [from, to] become one,
 * labelled with the first and a count ("kill 2 +3"), so a few clicks a minute do
 * not print labels over each other; its details list every action for the tooltip.
 */
export function mergeMarkers(markers: readonly Marker[], from: number, to: number, clock: (ms: number) => string, slots = 40): Marker[] {
  const gap = Math.max(1, (to - from) / slots);
  const out: { first: Marker; all: Marker[] }[] = [];
  for (const m of [...markers].sort((a, b) => a.at - b.at)) {
    const last = out.at(-1);
    if (last && m.at - last.first.at < gap) last.all.push(m);
    else out.push({ first: m, all: [m] });
  }
  return out.map(({ first, all }) =>
    all.length === 1 ? first : { at: first.at, label: `${first.label} +${all.length - 1}`, details: all.map((m) => `${clock(m.at)} ${m.label}`) },
  );
}

const PALETTE = ["#0369a1", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0f766e", "#a16207", "#be185d", "#4338ca", "#525252"];
export const color = (i: number) => PALETTE[i % PALETTE.length] ?? "#525252";

const MAX_TOPICS = 10;
const MAX_BROKERS = 12;
export const OTHER = "__other";

/** Keeps at most `max` rows by taking the largest value of each bucket, so spikes (URP) survive. */
export function downsample(rows: Row[], max: number): Row[] {
  if (rows.length <= max) return rows;
  const size = Math.ceil(rows.length / max);
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const bucket = rows.slice(i, i + size);
    const merged: Row = { ...bucket[bucket.length - 1]! };
    for (const r of bucket) {
      for (const [k, v] of Object.entries(r)) {
        if (k === "at" || typeof v !== "number") continue;
        const cur = merged[k];
        if (typeof cur !== "number" || v > cur) merged[k] = v;
      }
    }
    out.push(merged);
  }
  return out;
}

function topKeys(totals: Map<string, number>, max: number): string[] {
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, max).map(([k]) => k);
}

/**
 * Messages/s per topic: the MAX_TOPICS busiest over the window, each a line, and
 * one "others" line for the rest: topics outside the top 10 and the part of the
 * cluster's rate a point did not itemise (otherTopics).
 */
export function perTopicRows(points: readonly HistoryPoint[]): { rows: Row[]; series: Series[] } {
  const totals = new Map<string, number>();
  for (const p of points) for (const [t, v] of Object.entries(p.perTopic)) totals.set(t, (totals.get(t) ?? 0) + v);
  const top = topKeys(totals, MAX_TOPICS);
  const shown = new Set(top);
  const hasOther = totals.size > top.length || points.some((p) => p.otherTopics > 0);
  const rows = points.map((p) => {
    const row: Row = { at: p.at };
    let other = p.otherTopics;
    for (const [t, v] of Object.entries(p.perTopic)) shown.has(t) ? (row[t] = v) : (other += v);
    if (hasOther) row[OTHER] = other;
    return row;
  });
  const series = top.map((t, i) => ({ key: t, label: t, color: color(i) }));
  if (hasOther) series.push({ key: OTHER, label: "others", color: "#737373" });
  return { rows, series };
}

export function riskRows(points: readonly HistoryPoint[]): { rows: Row[]; series: Series[] } {
  return {
    rows: points.map((p) => ({ at: p.at, urp: p.underReplicated, minIsr: p.underMinIsr, offline: p.offline })),
    series: [
      { key: "urp", label: "under-replicated", color: "#b45309" },
      { key: "minIsr", label: "under min ISR", color: "#b91c1c" },
      { key: "offline", label: "offline", color: "#7e22ce" },
    ],
  };
}

/** One series per broker from a per-broker record; the MAX_BROKERS largest when there are many. */
export function perBrokerRows(
  points: readonly HistoryPoint[],
  pick: (p: HistoryPoint) => Record<number, number>,
  prefix = "b",
): { rows: Row[]; series: Series[] } {
  const totals = new Map<string, number>();
  for (const p of points) for (const [id, v] of Object.entries(pick(p))) totals.set(id, (totals.get(id) ?? 0) + v + 1);
  const ids = topKeys(totals, MAX_BROKERS).sort((a, b) => Number(a) - Number(b));
  const rows = points.map((p) => {
    const rec = pick(p);
    const row: Row = { at: p.at };
    for (const id of ids) row[`${prefix}${id}`] = rec[Number(id)] ?? null;
    return row;
  });
  return { rows, series: ids.map((id, i) => ({ key: `${prefix}${id}`, label: `broker ${id}`, color: color(i) })) };
}

export const CANARY_FAILED = "canaryFailed";

/**
 * Canary produce latency per broker. A failed write has no latency, so its line
 * breaks there (a gap, not a misleading 0), and a red dot on the axis marks the
 * poll, since a gap alone is easy to miss at a glance.
 */
export function canaryRows(points: readonly HistoryPoint[]): { rows: Row[]; series: Series[] } {
  const latency = perBrokerRows(points, (p) => p.canaryMs, "c");
  const anyFailed = points.some((p) => p.canaryFailed.length > 0);
  if (!anyFailed) return latency;
  const rows = latency.rows.map((r, i) => ({ ...r, [CANARY_FAILED]: (points[i]?.canaryFailed.length ?? 0) > 0 ? 0 : null }));
  return { rows, series: [...latency.series, { key: CANARY_FAILED, label: "write failed", color: "#dc2626", dots: true }] };
}

/** "broker 1: 3.2 ms, broker 2: failed" for the chart's one-sentence summary. */
export function canaryNow(p: HistoryPoint | undefined, fmt: (n: number) => string): string {
  if (!p) return "no data";
  const ids = [...new Set([...Object.keys(p.canaryMs).map(Number), ...p.canaryFailed])].sort((a, b) => a - b);
  if (ids.length === 0) return "no canary writes";
  return ids.map((id) => `broker ${id}: ${p.canaryFailed.includes(id) ? "failed" : fmt(p.canaryMs[id] ?? 0)}`).join(", ");
}

/** Operator actions as chart markers: "kill 2". */
export function actionMarkers(entries: readonly TimelineEntry[], from: number, to: number): Marker[] {
  return entries
    .filter((e) => e.kind === "action" && e.at >= from && e.at <= to)
    .map((e) => {
      const m = /operator: (\w+) broker (\d+)/.exec(e.message);
      return { at: e.at, label: m ? `${m[1]} ${m[2]}` : "action" };
    });
}
