"use client";
// The drill's parameters, checked in the browser with the same schema the API
// uses, so a mistake is named before anything is sent. Each scenario shows the
// fields it takes and nothing else.
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { DRILL_MODES, DRILL_SCENARIOS, parseDrillParams, type DrillMode, type DrillParamsInput, type DrillScenario } from "@/lib/drill/params";
import { SCENARIO_HELP, SCENARIO_LABEL } from "./scenario-labels";

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

type FieldKey = "rate" | "durationSec" | "recordBytes" | "killAtSec" | "secondAtSec" | "restartAtSec";

const FIELDS: { key: FieldKey; label: string; initial: string }[] = [
  { key: "rate", label: "Rate (events/s)", initial: "10000" },
  { key: "durationSec", label: "Duration (s)", initial: "60" },
  { key: "recordBytes", label: "Record size (bytes)", initial: "200" },
  { key: "killAtSec", label: "Break at (s)", initial: "20" },
  { key: "secondAtSec", label: "Second break at (s)", initial: "30" },
  { key: "restartAtSec", label: "Restart at (s, empty: never)", initial: "40" },
];

/** Which fields and selects each scenario takes, and the values it starts from. */
const SHAPE: Record<DrillScenario, { fields: FieldKey[]; broker: boolean; mode: boolean; values?: Partial<Record<FieldKey, string>>; killLabel?: string }> = {
  single: { fields: ["rate", "durationSec", "recordBytes", "killAtSec", "restartAtSec"], broker: true, mode: true },
  "controller-failover": { fields: ["rate", "durationSec", "recordBytes", "killAtSec", "restartAtSec"], broker: false, mode: true },
  "rolling-restart": { fields: ["rate", "durationSec", "recordBytes", "killAtSec"], broker: false, mode: false, values: { durationSec: "180", killAtSec: "10" }, killLabel: "First restart at (s)" },
  cascade: { fields: ["rate", "durationSec", "recordBytes", "killAtSec", "secondAtSec", "restartAtSec"], broker: true, mode: true, values: { durationSec: "70", killAtSec: "15", secondAtSec: "25", restartAtSec: "40" } },
  safety: { fields: ["recordBytes"], broker: false, mode: false },
};

const input = "w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800";
const initialValues = (scenario: DrillScenario) => ({ ...Object.fromEntries(FIELDS.map((f) => [f.key, f.initial])), ...SHAPE[scenario].values }) as Record<string, string>;

export function DrillForm({ brokerIds, disabledReason, busy, onStart }: Props) {
  const [scenario, setScenario] = useState<DrillScenario>("single");
  const [values, setValues] = useState<Record<string, string>>(initialValues("single"));
  const [broker, setBroker] = useState("auto");
  const [mode, setMode] = useState<string>("kill");
  const [problem, setProblem] = useState<string | null>(null);
  const shape = SHAPE[scenario];

  const pick = (next: DrillScenario) => {
    setScenario(next);
    setValues(initialValues(next));
    setProblem(null);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (disabledReason || busy) return;
    const body: Record<string, unknown> = { scenario };
    if (shape.broker) body.broker = /^\d+$/.test(broker) ? Number(broker) : broker;
    if (shape.mode) body.mode = mode;
    for (const key of shape.fields) {
      const raw = values[key]?.trim() ?? "";
      if (raw !== "") body[key] = Number(raw);
    }
    const parsed = parseDrillParams(body);
    if (!parsed.ok) return setProblem(parsed.error);
    setProblem(null);
    onStart(body as DrillParamsInput);
  };

  return (
    <form onSubmit={submit} aria-label="Drill parameters" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <label className="col-span-2 text-xs font-medium">
        Scenario
        <select className={input} name="scenario" value={scenario} onChange={(e) => pick(e.target.value as DrillScenario)} aria-describedby="drill-scenario-help">
          {DRILL_SCENARIOS.map((s) => (
            <option key={s} value={s}>
              {SCENARIO_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <p id="drill-scenario-help" className="col-span-2 self-end text-xs text-slate-600 dark:text-slate-400">
        {SCENARIO_HELP[scenario]}
      </p>
      {FIELDS.filter((f) => shape.fields.includes(f.key)).map((f) => (
        <label key={f.key} className="text-xs font-medium">
          {f.key === "killAtSec" && shape.killLabel ? shape.killLabel : f.label}
          <input className={input} inputMode="numeric" name={f.key} value={values[f.key] ?? ""} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} />
        </label>
      ))}
      {shape.broker && (
        <label className="text-xs font-medium">
          {scenario === "cascade" ? "First broker" : "Broker"}
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
      )}
      {shape.mode && (
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
      )}
      <div className="col-span-2 flex items-end gap-3 sm:col-span-4">
        <Button type="submit" variant="danger" disabledReason={disabledReason} aria-busy={busy}>
          {busy ? "Starting…" : scenario === "safety" ? "Run comparison" : "Run drill"}
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
