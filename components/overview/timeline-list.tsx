"use client";
import { useState } from "react";
import type { TimelineEntry } from "@/lib/model/cluster";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { formatClock, formatDuration } from "@/components/ui/format";
import { SEVERITY_TONE } from "./tones";

const FIRST = 40;

export function TimelineList({ entries, error }: { entries: TimelineEntry[]; error?: Error }) {
  const [all, setAll] = useState(false);
  const shown = all ? entries : entries.slice(0, FIRST);
  return (
    <Card data-testid="timeline" aria-labelledby="timeline-title">
      <CardTitle id="timeline-title" aside={`${entries.length} events, newest first`}>
        Timeline
      </CardTitle>
      {error && entries.length === 0 && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">Timeline unavailable: {error.message}</p>
      )}
      {!error && entries.length === 0 && <p className="text-sm text-slate-700 dark:text-slate-300">Nothing has happened yet.</p>}
      <ol tabIndex={0} aria-label="Timeline events" className="max-h-[26rem] space-y-1 overflow-y-auto pr-1 text-sm focus-visible:outline-2 focus-visible:outline-sky-600">
        {shown.map((e) => (
          <li key={e.id} data-testid="timeline-entry" data-kind={e.kind} className="grid grid-cols-[4.5rem_1fr] gap-2 border-b border-slate-100 py-1 dark:border-slate-800">
            <time dateTime={new Date(e.at).toISOString()} className="tabular-nums text-xs text-slate-600 dark:text-slate-400">
              {formatClock(e.at)}
            </time>
            <div className="min-w-0">
              <Badge tone={SEVERITY_TONE[e.severity]} className="mr-1.5">
                {e.kind === "action" ? "action" : e.severity}
              </Badge>
              <span className="break-words">{e.message}</span>
              {e.durationMs !== undefined && (
                <Badge data-testid="recovery-duration" tone="green" className="ml-1.5 tabular-nums">
                  {formatDuration(e.durationMs)}
                </Badge>
              )}
            </div>
          </li>
        ))}
      </ol>
      {entries.length > FIRST && (
        <Button size="sm" className="mt-2" onClick={() => setAll((v) => !v)}>
          {all ? "Show fewer" : `Show all ${entries.length}`}
        </Button>
      )}
    </Card>
  );
}
