"use client";
// A scenario's steps as measured: when each ran, what Kafka took to fail over
// (fencing, election) and what the client took after that, when the broker was
// back in every ISR, and the traffic until the next step with its main failure.
import { formatInt } from "@/components/ui/format";
import type { StepReport } from "@/lib/drill/steps";

const secs = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(1)} s`);
const th = "py-1 pr-3 font-medium";
const td = "py-1 pr-3 font-mono tabular-nums";

export function StepsTable({ steps }: { steps: readonly StepReport[] }) {
  if (steps.length === 0) return null;
  return (
    <div className="mb-4 overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Steps">
        <caption className="mb-1 text-left text-sm font-medium">
          Steps <span className="font-normal text-slate-600 dark:text-slate-400">— Kafka&apos;s part: step → new leader elected; client&apos;s part: new leader → its first write</span>
        </caption>
        <thead className="text-xs text-slate-600 dark:text-slate-400">
          <tr>
            <th className={th}>#</th>
            <th className={th}>Step</th>
            <th className={th}>At</th>
            <th className={th}>Fenced</th>
            <th className={th}>Kafka&apos;s part</th>
            <th className={th}>Client&apos;s part</th>
            <th className={th}>Back in ISR</th>
            <th className={th}>Acks/s after</th>
            <th className={th}>Failed attempts</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.index} className="border-t border-slate-100 align-top dark:border-slate-800" data-testid="drill-step">
              <td className={td}>{s.index + 1}</td>
              <td className="py-1 pr-3">
                {s.label}
                {s.error && <div className="text-xs text-red-700 dark:text-red-400">failed: {s.error}</div>}
                {s.newControllerMs !== null && <div className="text-xs text-slate-600 dark:text-slate-400">new active controller after {secs(s.newControllerMs)}</div>}
                {s.window.reasons[0] && (
                  <div className="text-xs text-slate-600 dark:text-slate-400">
                    most failures: {formatInt(s.window.reasons[0].count)} × {s.window.reasons[0].reason}
                  </div>
                )}
              </td>
              <td className={td}>{s.atActualSec === null ? "not run" : `${s.atActualSec.toFixed(1)} s`}</td>
              <td className={td}>{secs(s.fencedMs)}</td>
              <td className={td}>{secs(s.kafkaPartMs)}</td>
              <td className={td}>{secs(s.clientPartMs)}</td>
              <td className={td}>{secs(s.backInIsrMs)}</td>
              <td className={td}>{s.window.acksPerSec === null ? "—" : formatInt(s.window.acksPerSec)}</td>
              <td className={td}>{formatInt(s.window.failedAttempts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
