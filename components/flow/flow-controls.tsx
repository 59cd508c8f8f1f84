"use client";
// Start and stop traffic, and set its rate, category mix and failure settings;
// while it runs, rate, mix and failure rates apply at once ("Apply"). The
// server validates everything; its sentence is shown as is when it refuses.
import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { TrafficStatus } from "@/lib/model/traffic";
import { DEFAULT_TRAFFIC_MIX, TRAFFIC_LIMITS } from "@/lib/traffic/params";
import { useTrafficActions } from "@/lib/swr/use-traffic";
import { fmtCount, fmtRate } from "./flow-format";

const input = "block w-24 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800";

function Field({ label, value, onChange, hint, testId }: { label: string; value: string; onChange: (v: string) => void; hint?: string; testId: string }) {
  return (
    <label className="text-xs font-medium" title={hint}>
      {label}
      <input className={input} inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </label>
  );
}

const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));
const TONE = { starting: "blue", running: "blue", draining: "amber", stopped: "slate", failed: "red" } as const;

export function FlowControls({ run }: { run: TrafficStatus | null }) {
  const { busy, failure, start, set, stop } = useTrafficActions();
  const [f, setF] = useState({ rate: "1000", duration: "120", ua: String(DEFAULT_TRAFFIC_MIX.user_action), ci: String(DEFAULT_TRAFFIC_MIX.content_interaction), se: String(DEFAULT_TRAFFIC_MIX.system_event), failure: "0", poison: "0", attempts: "3", backoff: "200" });
  const field = (k: keyof typeof f) => (v: string) => setF((cur) => ({ ...cur, [k]: v }));
  // A page opened on a run (or after one) shows that run's settings, once per run.
  const seed = run?.seed ?? null;
  const p = run?.params;
  useEffect(() => {
    if (seed === null || !p) return;
    setF({
      rate: String(p.rate), duration: String(p.durationSec), ua: String(p.mix.user_action), ci: String(p.mix.content_interaction), se: String(p.mix.system_event),
      failure: String(+(p.failureRate * 100).toFixed(4)), poison: String(+(p.poisonRate * 100).toFixed(4)), attempts: String(p.maxAttempts), backoff: String(p.retryBackoffMs),
    });
  }, [seed]);
  const active = run !== null && (run.state === "running" || run.state === "starting" || run.state === "draining");
  const adjustable = { rate: num(f.rate), mix: { user_action: num(f.ua), content_interaction: num(f.ci), system_event: num(f.se) }, failureRate: num(f.failure) / 100, poisonRate: num(f.poison) / 100 };
  const L = TRAFFIC_LIMITS;
  return (
    <div data-testid="flow-controls">
      <div className="mb-3 flex flex-wrap items-end gap-3">
        <Field label="Rate (events/s)" value={f.rate} onChange={field("rate")} hint={`${L.rate.min}..${fmtCount(L.rate.max)}`} testId="flow-rate" />
        <Field label="For (s)" value={f.duration} onChange={field("duration")} hint={`${L.durationSec.min}..${L.durationSec.max}`} testId="flow-duration" />
        <fieldset className="flex gap-2 rounded-md border border-slate-200 px-2 pb-1 dark:border-slate-700">
          <legend className="px-1 text-xs font-medium">Mix (%)</legend>
          <Field label="user actions" value={f.ua} onChange={field("ua")} testId="flow-mix-ua" />
          <Field label="content" value={f.ci} onChange={field("ci")} testId="flow-mix-ci" />
          <Field label="system" value={f.se} onChange={field("se")} testId="flow-mix-se" />
        </fieldset>
        <Field label="Failure rate (%)" value={f.failure} onChange={field("failure")} hint="each handling attempt fails with this probability" testId="flow-failure" />
        <Field label="Poison events (%)" value={f.poison} onChange={field("poison")} hint="events whose payload no handler can use: dead-lettered after the last attempt" testId="flow-poison" />
        <Field label="Attempts" value={f.attempts} onChange={field("attempts")} hint="attempts in all before the dead-letter topic" testId="flow-attempts" />
        <Field label="Backoff (ms)" value={f.backoff} onChange={field("backoff")} hint="before the first retry; doubled each time" testId="flow-backoff" />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {active ? (
          <>
            <Button variant="primary" onClick={() => void set(adjustable)} disabledReason={busy ? "working…" : run.state !== "running" ? "the run is finishing" : null} data-testid="flow-apply">
              Apply rate, mix and failures
            </Button>
            <Button variant="danger" onClick={() => void stop()} disabledReason={busy === "stop" || run.state === "draining" ? "stopping…" : null} data-testid="flow-stop">
              Stop traffic
            </Button>
          </>
        ) : (
          <Button
            variant="primary"
            data-testid="flow-start"
            disabledReason={busy === "start" ? "starting… (topics, consumer groups)" : null}
            onClick={() => void start({ ...adjustable, durationSec: num(f.duration), maxAttempts: num(f.attempts), retryBackoffMs: num(f.backoff) })}
          >
            Start traffic
          </Button>
        )}
        {run && (
          <span className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300" data-testid="flow-run-state" data-state={run.state}>
            <Badge tone={TONE[run.state]}>{run.state}</Badge>
            {fmtRate(run.currentRate)} acknowledged · {fmtCount(run.produced)} of {fmtCount(run.maxEvents)} · rate {fmtCount(run.params.rate)}/s, failures {(run.params.failureRate * 100).toFixed(2)} %, poison {(run.params.poisonRate * 100).toFixed(2)} %
            {run.skipped > 0 ? ` · ${fmtCount(run.skipped)} not made (backlog full)` : ""}
            {run.stoppedReason && !active ? ` · stopped (${run.stoppedReason})` : ""}
          </span>
        )}
      </div>
      {failure && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {failure.status === 401 ? "This dashboard needs its DASHBOARD_TOKEN (set it from the Overview page): " : ""}
          {failure.message}
        </p>
      )}
      {run?.state === "failed" ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400" data-testid="flow-run-error">
          The traffic run failed: {run.lastError ?? "no reason given"}
        </p>
      ) : (
        run?.lastError && <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">Last Kafka error (retried, nothing dropped): {run.lastError}</p>
      )}
    </div>
  );
}
