// The drill report: everything one run measured, as one plain JSON-able object
// (written to disk, served to the UI, printed by the CLI). Its text form is
// report-text.ts. Version 2 adds the scenario and its steps; a version-1 report
// (one break, no steps) still reads: every v2 field is optional to its readers.
import { evaluateCriteria, type CriteriaResult, type ScenarioFacts } from "./criteria";
import type { DrillParams } from "./params";
import type { ControllerSample, RegisteredSample } from "./sampler";
import { perSecondSeries, ratePerSec, type DrillTimeline, type SecondPoint } from "./series";
import { computeDrillFigures, recoveryMs, type DrillFigures } from "./stats";
import { stepReports, type StepRecord, type StepReport } from "./steps";
import type { LeaderMove } from "./progress";
import type { VerifyResult } from "./verify";

export const REPORT_VERSION = 2;

export interface DrillReport {
  version: 1 | typeof REPORT_VERSION;
  id: string;
  params: DrillParams;
  /** The broker actually broken first ("auto"/"controller" resolved); null if none was. */
  targetBrokerId: number | null;
  startedAt: number;
  finishedAt: number;
  /** The first step (break or restart), and the last restore/restart. */
  killedAt: number | null;
  restartedAt: number | null;
  movedPartitions: number[];
  figures: DrillFigures;
  /** null when the verifier could not run. */
  verify: VerifyResult | null;
  series: SecondPoint[];
  /** Seconds since the start, to draw on the series. */
  marks: { killSec: number | null; restartSec: number | null; steps?: { sec: number; label: string }[] };
  criteria: CriteriaResult;
  /** What went wrong along the way (a failed restart, a verifier timeout), for the operator. */
  notes: string[];
  /** v2: each step of the scenario, with its timings and the traffic until the next step. */
  steps?: StepReport[];
  /** v2: the active controller whenever it changed (null: none). */
  controllerChanges?: ControllerSample[];
}

export interface BuildReportInput extends DrillTimeline {
  id: string;
  params: DrillParams;
  targetBrokerId: number | null;
  verify: VerifyResult | null;
  notes?: string[];
  steps?: readonly StepRecord[];
  moves?: readonly LeaderMove[];
  registered?: readonly RegisteredSample[];
  controllers?: readonly ControllerSample[];
  /** The runtime's brokers (a rolling restart must restart each once). */
  brokerIds?: readonly number[];
}

/** Only the samples where the controller changed. */
function changesOnly(samples: readonly ControllerSample[]): ControllerSample[] {
  const out: ControllerSample[] = [];
  for (const s of samples) if (out.length === 0 || out.at(-1)!.id !== s.id) out.push(s);
  return out;
}

function scenarioFacts(input: BuildReportInput, steps: readonly StepReport[], baseline: number | null): ScenarioFacts | undefined {
  const scenario = input.params.scenario ?? "single";
  if (scenario === "rolling-restart") {
    // In turn: each restart began only after the one before was back in every ISR.
    let inTurn = 0;
    const seen = new Set<number>();
    for (const [i, st] of steps.entries()) {
      const prev = steps[i - 1];
      const ordered = !prev || (prev.backInIsrAt !== null && st.startedAt !== null && st.startedAt >= prev.backInIsrAt);
      if (st.kind === "restart" && st.startedAt !== null && st.error === null && !seen.has(st.brokerId) && ordered && st.backInIsrAt !== null) inTurn++;
      seen.add(st.brokerId);
    }
    return { kind: "rolling-restart", brokers: input.brokerIds?.length ?? steps.length, restartedInTurn: inTurn };
  }
  if (scenario === "cascade") {
    const second = steps.find((s) => s.kind === "break" && s.index === 1);
    const bothDownFrom = second?.startedAt ?? null;
    const returnAt = input.restartedAt;
    const end = steps.find((s) => s.kind === "restore")?.startedAt ?? returnAt;
    const refused = bothDownFrom === null || end === null ? 0 : input.errors.filter((e) => e.t >= bothDownFrom && e.t < end).reduce((n, e) => n + e.count, 0);
    const acks = bothDownFrom === null || end === null ? null : ratePerSec(input.acks, bothDownFrom, end);
    const back = returnAt === null ? null : recoveryMs({ ...input, killedAt: returnAt, restartedAt: null }, baseline);
    return { kind: "cascade", refusedAttempts: refused, acksPerSecBothDown: acks, baselineAcksPerSec: baseline, recoveryAfterReturnMs: back };
  }
  return undefined;
}

export function buildDrillReport(input: BuildReportInput): DrillReport {
  const figures = computeDrillFigures(input);
  const sec = (t: number | null) => (t === null ? null : (t - input.startedAt) / 1000);
  const steps = input.steps
    ? stepReports(input.steps, {
        startedAt: input.startedAt,
        finishedAt: input.finishedAt,
        acks: input.acks,
        errors: input.errors,
        partitionAcks: input.partitionAcks ?? [],
        moves: input.moves ?? [],
        registered: input.registered ?? [],
        controllers: input.controllers ?? [],
      })
    : undefined;
  const scenario = steps ? scenarioFacts(input, steps, figures.baselineAcksPerSec) : undefined;
  return {
    version: REPORT_VERSION,
    id: input.id,
    params: input.params,
    targetBrokerId: input.targetBrokerId,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    killedAt: input.killedAt,
    restartedAt: input.restartedAt,
    movedPartitions: [...(input.movedPartitions ?? [])],
    figures,
    verify: input.verify,
    series: perSecondSeries(input),
    marks: {
      killSec: sec(input.killedAt),
      restartSec: sec(input.restartedAt),
      ...(steps ? { steps: steps.filter((s) => s.atActualSec !== null).map((s) => ({ sec: s.atActualSec!, label: `${s.action} ${s.brokerId}` })) } : {}),
    },
    criteria: evaluateCriteria({ figures, verify: input.verify, scenario }),
    notes: input.notes ?? [],
    ...(steps ? { steps, controllerChanges: changesOnly(input.controllers ?? []) } : {}),
  };
}
