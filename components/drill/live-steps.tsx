"use client";
// The running scenario's steps: done (when, how long the action took, back in
// every ISR), under way, or still to come.
import { Badge } from "@/components/ui/badge";
import type { StepRecord } from "@/lib/drill/steps";

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function status(s: StepRecord): { tone: "green" | "amber" | "blue" | "red" | "slate"; text: string } {
  if (s.error) return { tone: "red", text: "failed" };
  if (s.startedAt === null) return { tone: "slate", text: "to come" };
  if (s.doneAt === null) return { tone: "blue", text: "under way" };
  if (s.waitBackInIsr && s.backInIsrAt === null) return { tone: "amber", text: "waiting for ISR" };
  return { tone: "green", text: "done" };
}

export function LiveSteps({ steps, startedAt }: { steps: readonly StepRecord[]; startedAt: number | null }) {
  if (steps.length === 0) return null;
  return (
    <ol className="mb-4 space-y-1 text-sm" aria-label="Scenario steps">
      {steps.map((s) => {
        const st = status(s);
        return (
          <li key={s.index} className="flex flex-wrap items-baseline gap-2" data-testid="drill-live-step">
            <Badge tone={st.tone}>{st.text}</Badge>
            <span>{s.label}</span>
            {s.startedAt !== null && startedAt !== null && <span className="font-mono text-xs text-slate-600 dark:text-slate-400">at {secs(s.startedAt - startedAt)}</span>}
            {s.startedAt !== null && s.doneAt !== null && <span className="font-mono text-xs text-slate-600 dark:text-slate-400">action {secs(s.doneAt - s.startedAt)}</span>}
            {s.startedAt !== null && s.backInIsrAt !== null && <span className="font-mono text-xs text-slate-600 dark:text-slate-400">back in every ISR after {secs(s.backInIsrAt - s.startedAt)}</span>}
            {s.error && <span className="text-xs text-red-700 dark:text-red-400">{s.error}</span>}
          </li>
        );
      })}
    </ol>
  );
}
