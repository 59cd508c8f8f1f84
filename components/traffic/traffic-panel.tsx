"use client";
// Background traffic on/off, its current rate, and the lag of the lesson's three
// consumer groups (committed offsets, as the monitor sees them).
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { formatInt } from "@/components/ui/format";
import { TRAFFIC_GROUPS } from "@/lib/traffic/params";
import { useTraffic } from "@/lib/swr/use-traffic";

const input = "w-24 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800";

export function TrafficPanel() {
  const { data, error, isLoading, busy, failure, start, stop } = useTraffic();
  const [rate, setRate] = useState("200");
  const [duration, setDuration] = useState("300");
  const t = data?.traffic ?? null;
  const active = t !== null && (t.state === "running" || t.state === "starting" || t.state === "draining");
  return (
    <Card aria-labelledby="traffic-title" data-testid="traffic-panel">
      <CardTitle id="traffic-title" aside={<Badge tone={active ? "blue" : "slate"}>{t ? t.state : "off"}</Badge>}>
        Background traffic
      </CardTitle>
      {error && <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-400">Traffic status unavailable: {error.message}</p>}
      {isLoading && !data ? (
        <p className="text-sm text-slate-600">Loading…</p>
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-end gap-3">
            <label className="text-xs font-medium">
              Rate (events/s)
              <input className={`${input} block`} inputMode="numeric" value={rate} onChange={(e) => setRate(e.target.value)} disabled={active} />
            </label>
            <label className="text-xs font-medium">
              For (s)
              <input className={`${input} block`} inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)} disabled={active} />
            </label>
            {active ? (
              <Button onClick={() => void stop()} disabledReason={busy || t?.state === "draining" ? "stopping…" : null}>
                Stop traffic
              </Button>
            ) : (
              <Button variant="primary" onClick={() => void start(Number(rate), Number(duration))} disabledReason={busy ? "starting…" : null}>
                Start traffic
              </Button>
            )}
            {t && (
              <span className="text-sm text-slate-700 dark:text-slate-300">
                {formatInt(t.currentRate)} events/s now · {formatInt(t.produced)} of {formatInt(t.maxEvents)} sent{t.failed > 0 ? ` · ${formatInt(t.failed)} failed` : ""}
                {t.stoppedReason && !active ? ` · stopped (${t.stoppedReason})` : ""}
              </span>
            )}
          </div>
          {failure && <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-400">{failure.message}</p>}
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Consumer groups of the background traffic</caption>
            <thead className="text-xs text-slate-600 dark:text-slate-400">
              <tr>
                <th className="py-1 font-medium">Group</th>
                <th className="py-1 font-medium">Lag (committed)</th>
                <th className="py-1 font-medium">Consumed</th>
                <th className="py-1 font-medium">Work</th>
              </tr>
            </thead>
            <tbody>
              {TRAFFIC_GROUPS.map((g) => {
                const lag = data?.lag.find((l) => l.groupId === g);
                const mine = t?.groups.find((x) => x.groupId === g);
                const work = mine ? Object.entries(mine.work).slice(0, 3).map(([k, v]) => `${k} ${formatInt(v)}`).join(", ") : "—";
                return (
                  <tr key={g} className="border-t border-slate-100 dark:border-slate-800">
                    <td className="py-1 font-medium">{g}</td>
                    <td className="py-1 font-mono">{lag ? formatInt(lag.totalLag) : "—"}</td>
                    <td className="py-1 font-mono">{mine ? formatInt(mine.consumed) : "—"}</td>
                    <td className="py-1 text-xs">{work}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
