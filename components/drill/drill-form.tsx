"use client";
// The drill's parameters, checked in the browser with the same schema the API
// uses, so a mistake is named before anything is sent.
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { DRILL_MODES, parseDrillParams, type DrillMode, type DrillParamsInput } from "@/lib/drill/params";

const MODE_LABEL: Record<DrillMode, string> = {
  kill: "kill (SIGKILL)",
  stop: "stop (graceful)",
  pause: "pause (freeze)",
  partition: "partition (cut off from peers)",
  isolate: "isolate (peers and clients)",
  slow: "slow (+200 ms on every answer)",
};

interface Props {
  brokerIds: number[];
  disabledReason: string | null;
  busy: boolean;
  onStart: (params: DrillParamsInput) => void;
}

const FIELDS = [
  { key: "rate", label: "Rate (events/s)", initial: "10000" },
  { key: "durationSec", label: "Duration (s)", initial: "60" },
  { key: "recordBytes", label: "Record size (bytes)", initial: "200" },
  { key: "killAtSec", label: "Break at (s)", initial: "20" },
  { key: "restartAtSec", label: "Restart at (s, empty: never)", initial: "40" },
] as const;

const input = "w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800";

export function DrillForm({ brokerIds, disabledReason, busy, onStart }: Props) {
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(FIELDS.map((f) => [f.key, f.initial])));
  const [broker, setBroker] = useState("auto");
  const [mode, setMode] = useState<string>("kill");
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (disabledReason || busy) return;
    const body: Record<string, unknown> = { broker: /^\d+$/.test(broker) ? Number(broker) : broker, mode };
    for (const f of FIELDS) {
      const raw = values[f.key]?.trim() ?? "";
      if (raw !== "") body[f.key] = Number(raw);
    }
    const parsed = parseDrillParams(body);
    if (!parsed.ok) return setProblem(parsed.error);
    setProblem(null);
    onStart(body as DrillParamsInput);
  };

  return (
    <form onSubmit={submit} aria-label="Drill parameters" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {FIELDS.map((f) => (
        <label key={f.key} className="text-xs font-medium">
          {f.label}
          <input className={input} inputMode="numeric" name={f.key} value={values[f.key] ?? ""} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} />
        </label>
      ))}
      <label className="text-xs font-medium">
        Broker
        <select className={input} name="broker" value={broker} onChange={(e) => setBroker(e.target.value)}>
          <option value="auto">auto (leads most drill partitions)</option>
          <option value="controller">active controller</option>
          {brokerIds.map((id) => (
            <option key={id} value={String(id)}>
              broker {id}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium">
        How to break it
        <select className={input} name="mode" value={mode} onChange={(e) => setMode(e.target.value)}>
          {DRILL_MODES.map((m) => (
            <option key={m} value={m}>
              {MODE_LABEL[m]}
            </option>
          ))}
        </select>
      </label>
      <div className="col-span-2 flex items-end gap-3 sm:col-span-4">
        <Button type="submit" variant="danger" disabledReason={disabledReason} aria-busy={busy}>
          {busy ? "Starting…" : "Run drill"}
        </Button>
        {problem && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {problem}
          </p>
        )}
      </div>
    </form>
  );
}
