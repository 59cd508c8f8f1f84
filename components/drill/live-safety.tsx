"use client";
// The safety comparison while it runs: which run, and each run's steps so far.
import { Badge } from "@/components/ui/badge";
import type { SafetyRun } from "@/lib/drill/safety-report";

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function LiveSafety({ phase, runs, elapsedSec }: { phase: string; runs: readonly SafetyRun[]; elapsedSec: number }) {
  return (
    <div className="text-sm" data-testid="safety-live">
      <p className="mb-2">
        Now: <span className="font-medium">{phase}</span> · {elapsedSec.toFixed(0)} s
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        {runs.map((r) => (
          <section key={r.settings} aria-label={`${r.settings} run`}>
            <h3 className="mb-1 font-semibold">{r.settings === "unsafe" ? "Unsafe settings" : "Safe settings"}</h3>
            <ol className="space-y-0.5">
              {r.steps.map((s, i) => (
                <li key={i} className="flex gap-2">
                  <Badge tone={s.ok ? "green" : "red"}>{s.ok ? "ok" : "failed"}</Badge>
                  <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{secs(s.atMs)}</span>
                  <span>
                    {s.label}
                    {s.detail ? ` — ${s.detail}` : ""}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </div>
  );
}
