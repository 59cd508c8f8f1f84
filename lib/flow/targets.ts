// The lesson's performance targets and the verdict on each measured figure.
// Latencies are judged on their p99 (the p50 is shown beside): a target met
// only by the median is not met.
import type { FlowFigures, LatencySummary, TargetRow, Verdict } from "@/lib/model/flow";

export const LESSON_TARGETS = {
  creationMs: 1,
  publishMs: 5,
  handlerMs: 100,
  uiMs: 200,
  eventsPerSec: 1000,
  errorRate: 0.001,
} as const;

/**
 * A run paced at exactly 1,000/s acknowledges 990-1,010 in a given second (acks
 * come in batches): within 1 % of the target counts as reaching it.
 */
export const RATE_TOLERANCE = 0.01;

export const below = (value: number | null, limit: number): Verdict => (value === null ? "no-data" : value < limit ? "met" : "missed");

function latencyRow(id: TargetRow["id"], label: string, limit: number, s: LatencySummary): TargetRow {
  return { id, label, target: `< ${limit} ms`, value: s.p99, p50: s.p50, verdict: below(s.p99, limit) };
}

/** The worst handler's summary (highest p99), so one slow handler turns the row red. */
export function worstOf(summaries: readonly LatencySummary[]): LatencySummary {
  let worst: LatencySummary = { count: 0, p50: null, p99: null, max: null };
  for (const s of summaries) if (s.p99 !== null && (worst.p99 === null || s.p99 > worst.p99)) worst = s;
  return worst;
}

export interface TargetInputs {
  figures: Omit<FlowFigures, "targets">;
  /** The rate the operator asked for; below the target, throughput is not under test. */
  configuredRate: number | null;
  /** While running the verdicts are on the last seconds; after, on the whole run. */
  running: boolean;
  /** The run's mean acknowledged rate (events/s), for a finished run. */
  runRate: number | null;
}

export function evaluateTargets({ figures: f, configuredRate, running, runRate }: TargetInputs): TargetRow[] {
  const pick = (s: { latency: LatencySummary; latencyRun: LatencySummary }) => (running ? s.latency : s.latencyRun);
  const handler = worstOf(f.handlers.map((h) => (running ? h.processing : h.processingRun)));
  const attempts = f.handlers.reduce((s, h) => s + h.attempts, 0);
  const failures = f.handlers.reduce((s, h) => s + h.failures, 0);
  const errorRate = attempts === 0 ? null : failures / attempts;
  const rate = running ? f.published.perSec : runRate;
  let throughput: TargetRow = {
    id: "throughput",
    label: "Throughput (acknowledged)",
    target: `≥ ${LESSON_TARGETS.eventsPerSec.toLocaleString("en-US")} events/s`,
    value: rate,
    p50: null,
    verdict: rate === null ? "no-data" : rate >= LESSON_TARGETS.eventsPerSec * (1 - RATE_TOLERANCE) ? "met" : "missed",
  };
  if (rate !== null && rate < LESSON_TARGETS.eventsPerSec * (1 - RATE_TOLERANCE) && configuredRate !== null && configuredRate < LESSON_TARGETS.eventsPerSec) {
    throughput = { ...throughput, verdict: "not-tested", note: `rate set to ${configuredRate.toLocaleString("en-US")}/s, below the target` };
  }
  return [
    latencyRow("creation", "Event creation", LESSON_TARGETS.creationMs, pick(f.created)),
    latencyRow("publish", "Publish (send → ack)", LESSON_TARGETS.publishMs, pick(f.published)),
    latencyRow("handler", "Handler processing (worst handler)", LESSON_TARGETS.handlerMs, handler),
    latencyRow("ui", "UI update (created → rendered)", LESSON_TARGETS.uiMs, pick(f.ui)),
    throughput,
    {
      id: "errorRate",
      label: "Error rate (failed attempts)",
      target: `< ${LESSON_TARGETS.errorRate * 100} %`,
      value: errorRate,
      p50: null,
      verdict: errorRate === null ? "no-data" : errorRate < LESSON_TARGETS.errorRate ? "met" : "missed",
    },
  ];
}
