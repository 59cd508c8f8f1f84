// The flow's figures as plain-text tables, for the CLI (`npm run traffic`
// prints them when it stops) and the benchmark. Pure.
import type { FlowFigures, LatencySummary, TargetRow } from "@/lib/model/flow";

export const fmtMs = (v: number | null) => (v === null ? "—" : v < 10 ? `${v.toFixed(2)} ms` : `${Math.round(v).toLocaleString("en-US")} ms`);
const fmtInt = (n: number) => Math.round(n).toLocaleString("en-US");
export const fmtPct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(v < 0.01 ? 3 : 2)} %`);

export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const lat = (s: LatencySummary) => [fmtMs(s.p50), fmtMs(s.p99)];

export function verdictWord(t: TargetRow): string {
  return { met: "met", missed: "MISSED", "no-data": "no data", "not-tested": "not tested" }[t.verdict] + (t.note ? ` (${t.note})` : "");
}

function targetValue(t: TargetRow): string {
  if (t.id === "throughput") return t.value === null ? "—" : `${fmtInt(t.value)} events/s`;
  if (t.id === "errorRate") return fmtPct(t.value);
  return `p50 ${fmtMs(t.p50)} · p99 ${fmtMs(t.value)}`;
}

/** Whole-run figures (the run has stopped): stages, handlers, the lesson's targets. */
export function formatFlowReport(f: FlowFigures): string {
  const stages = table(
    ["stage", "events", "p50", "p99"],
    [
      ["created (event built)", fmtInt(f.created.total), ...lat(f.created.latencyRun)],
      ["published (send → ack)", fmtInt(f.published.total), ...lat(f.published.latencyRun)],
      [`stored (created → ${f.storedClock === "LogAppendTime" ? "log append" : "ack"})`, fmtInt(f.stored.total), ...lat(f.stored.latencyRun)],
      ["UI updated (created → rendered)", fmtInt(f.ui.total), ...lat(f.ui.latencyRun)],
    ],
  );
  const handlers = table(
    ["handler", "delivered", "handled", "handler p50", "handler p99", "end-to-end p99", "failed attempts", "retried", "dead-lettered", "error rate", "in progress"],
    f.handlers.map((h) => [
      h.handler,
      fmtInt(h.delivered),
      fmtInt(h.handled),
      ...lat(h.processingRun),
      fmtMs(h.endToEndRun.p99),
      fmtInt(h.failures),
      fmtInt(h.retried),
      fmtInt(h.deadLettered),
      fmtPct(h.errorRate),
      fmtInt(h.inProgress),
    ]),
  );
  const targets = table(
    ["lesson target", "target", "measured", "verdict"],
    f.targets.map((t) => [t.label, t.target, targetValue(t), verdictWord(t)]),
  );
  const retries = `publish retries ${fmtInt(f.publishRetries)} · backlog ${fmtInt(f.backlog)}`;
  return [stages, "", handlers, "", targets, "", retries].join("\n");
}
