"use client";
// Recovery against broker.session.timeout.ms: one row per value, its bars drawn
// to one scale (Kafka's part, then the client's), the trade-off stated.
import { Card, CardTitle } from "@/components/ui/card";
import type { SweepReport } from "@/lib/drill/sweep-report";

const secs = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(1)} s`);

export function SweepReportView({ report: r }: { report: SweepReport }) {
  const max = Math.max(1, ...r.points.map((p) => Math.max(p.recoveryMs ?? 0, (p.kafkaPartMs ?? 0) + (p.clientPartMs ?? 0))));
  const pct = (ms: number | null) => `${(((ms ?? 0) / max) * 100).toFixed(1)}%`;
  return (
    <Card aria-labelledby="sweep-report-title" data-testid="sweep-report">
      <CardTitle id="sweep-report-title">Session-timeout sweep {r.id}</CardTitle>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        The same hard kill ({r.params.rate} events/s, kill at {r.params.killAtSec} s, back at {r.params.restartAtSec} s) with the local cluster restarted for each broker.session.timeout.ms. Shorter fences a dead broker sooner; too short fences one that is only slow (a GC pause, a busy disk) and moves its leaders for nothing. The cluster runs with {r.restoredTo} ms again.
      </p>
      <figure className="mb-3" aria-label="Recovery against session timeout">
        <figcaption className="mb-1 text-sm font-medium">Kill → first write on the moved partitions (Kafka&apos;s part, then the client&apos;s) and → throughput back at 90 %</figcaption>
        <div className="space-y-2">
          {r.points.map((p) => (
            <div key={p.sessionTimeoutMs} className="grid grid-cols-[7rem_1fr] items-center gap-2 text-xs" data-testid="sweep-point">
              <span className="font-mono">{p.sessionTimeoutMs} ms</span>
              <div>
                <div className="flex h-3" title={`Kafka ${secs(p.kafkaPartMs)}, client ${secs(p.clientPartMs)}`}>
                  <div className="bg-amber-500" style={{ width: pct(p.kafkaPartMs) }} />
                  <div className="bg-sky-600" style={{ width: pct(p.clientPartMs) }} />
                </div>
                <div className="mt-0.5 h-1.5 bg-slate-500" style={{ width: pct(p.recoveryMs) }} title={`recovery ${secs(p.recoveryMs)}`} />
              </div>
            </div>
          ))}
        </div>
      </figure>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-600 dark:text-slate-400">
          <tr>
            <th className="pr-3 font-medium">Session timeout</th>
            <th className="pr-3 font-medium">Fenced</th>
            <th className="pr-3 font-medium">Kafka&apos;s part</th>
            <th className="pr-3 font-medium">Client&apos;s part</th>
            <th className="pr-3 font-medium">Recovery (90 %)</th>
            <th className="pr-3 font-medium">Lost</th>
          </tr>
        </thead>
        <tbody className="font-mono tabular-nums">
          {r.points.map((p) => (
            <tr key={p.sessionTimeoutMs} className="border-t border-slate-100 dark:border-slate-800">
              <td className="pr-3">{p.sessionTimeoutMs} ms</td>
              <td className="pr-3">{secs(p.fencedMs)}</td>
              <td className="pr-3">{secs(p.kafkaPartMs)}</td>
              <td className="pr-3">{secs(p.clientPartMs)}</td>
              <td className="pr-3">{secs(p.recoveryMs)}</td>
              <td className="pr-3">{p.error ? <span className="font-sans text-red-700">failed: {p.error}</span> : (p.lost ?? "?")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
