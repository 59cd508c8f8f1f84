// One row per handler: what it was given, handled, retried and dead-lettered,
// its latencies against the lesson's handler target and its error rate.
import type { HandlerFigures } from "@/lib/model/flow";
import { LESSON_TARGETS } from "@/lib/flow/targets";
import { fmtCount, fmtLatency, fmtRate, fmtShare, TEXT_TONE, toneOf } from "./flow-format";

const HEAD = ["Handler", "Handled/s", "Delivered", "Handled", "Processing p50 / p99", "End-to-end p99", "Failed attempts", "Error rate", "Retried", "Dead-lettered", "Lag", "In progress"];

export function HandlerTable({ handlers, running }: { handlers: HandlerFigures[]; running: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="flow-handlers">
        <caption className="sr-only">Handlers of the event flow</caption>
        <thead className="text-xs text-slate-600 dark:text-slate-400">
          <tr>
            {HEAD.map((h) => (
              <th key={h} className="whitespace-nowrap py-1 pr-3 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {handlers.map((h) => {
            const proc = running ? h.processing : h.processingRun;
            const e2e = running ? h.endToEnd : h.endToEndRun;
            return (
              <tr key={h.handler} className="border-t border-slate-100 font-mono text-xs dark:border-slate-800" data-testid={`handler-${h.handler}`} data-handled={h.handled} data-dead-lettered={h.deadLettered}>
                <td className="py-1 pr-3 font-sans text-sm font-medium">{h.handler}</td>
                <td className="py-1 pr-3">{fmtRate(h.handledPerSec)}</td>
                <td className="py-1 pr-3">{fmtCount(h.delivered)}</td>
                <td className="py-1 pr-3">{fmtCount(h.handled)}{h.handledAfterRetry > 0 ? ` (${fmtCount(h.handledAfterRetry)} on retry)` : ""}</td>
                <td className={`py-1 pr-3 ${TEXT_TONE[toneOf(proc.p99, LESSON_TARGETS.handlerMs)]}`}>
                  {fmtLatency(proc.p50)} / {fmtLatency(proc.p99)}
                </td>
                <td className="py-1 pr-3">{fmtLatency(e2e.p99)}</td>
                <td className="py-1 pr-3">{fmtCount(h.failures)}</td>
                <td className={`py-1 pr-3 ${TEXT_TONE[toneOf(h.errorRate, LESSON_TARGETS.errorRate)]}`}>{fmtShare(h.errorRate)}</td>
                <td className="py-1 pr-3">{fmtCount(h.retried)}{h.pendingRetries > 0 ? ` (${fmtCount(h.pendingRetries)} waiting)` : ""}</td>
                <td className="py-1 pr-3">{fmtCount(h.deadLettered)}</td>
                <td className="py-1 pr-3">{fmtCount(h.lag)}</td>
                <td className="py-1 pr-3">{fmtCount(h.inProgress)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
