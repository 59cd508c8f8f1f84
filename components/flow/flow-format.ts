// Wording and colours of the flow's figures, shared by the diagram and the tables.
import type { TargetRow, Verdict } from "@/lib/model/flow";
import type { Tone } from "@/components/ui/badge";

const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const one = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

export const fmtCount = (n: number) => int.format(n);
export const fmtRate = (n: number) => `${n >= 100 ? int.format(n) : one.format(n)}/s`;

/** Latency: µs-precise while tiny (event creation), whole ms once large. */
export function fmtLatency(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${int.format(ms)} ms`;
  return `${one.format(ms / 1000)} s`;
}

export function fmtShare(v: number | null): string {
  if (v === null) return "—";
  const pct = v * 100;
  return `${pct === 0 ? "0" : pct < 0.1 ? pct.toFixed(3) : pct.toFixed(2)} %`;
}

export const VERDICT_TONE: Record<Verdict, Tone> = { met: "green", missed: "red", "no-data": "slate", "not-tested": "slate" };
export const VERDICT_WORD: Record<Verdict, string> = { met: "met", missed: "missed", "no-data": "no data yet", "not-tested": "not tested" };

/** SVG / text colour of a figure against a limit (strictly below is met). */
export function toneOf(value: number | null | undefined, limit: number): "met" | "missed" | "none" {
  if (value === null || value === undefined) return "none";
  return value < limit ? "met" : "missed";
}

export const TEXT_TONE = { met: "text-emerald-700 dark:text-emerald-400", missed: "text-red-700 dark:text-red-400", none: "text-slate-500" } as const;
export const SVG_TONE = { met: "#15803d", missed: "#b91c1c", none: "#64748b" } as const;

export function measured(t: TargetRow): string {
  if (t.id === "throughput") return t.value === null ? "—" : fmtRate(t.value);
  if (t.id === "errorRate") return fmtShare(t.value);
  return `p50 ${fmtLatency(t.p50)} · p99 ${fmtLatency(t.value)}`;
}
