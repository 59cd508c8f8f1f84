// What the drill API does, without the framework: start (validated, one at a
// time), cancel, list, read. The route handlers only parse HTTP and call this;
// the tests call it directly against the real cluster.
import { ApiError } from "@/lib/api/errors";
import type { ActionParams, BrokerAction, RuntimeKind } from "@/lib/runtime/types";
import { parseDrillParams } from "./params";
import type { AnyReport, DrillProgress, DrillReportSummary } from "./progress";
import { DrillRun, type DrillRunOptions } from "./run";
import { SafetyComparison } from "./safety";
import { REPORT_ID_PATTERN, acquireDrillLock, listReports, readReport } from "./store";

export interface DrillServiceDeps {
  runtimeKind: RuntimeKind;
  brokerIds: readonly number[];
  bootstrap: readonly string[];
  act: (id: number, action: BrokerAction, params?: ActionParams) => Promise<unknown>;
  reportsDir: string;
  /** Passed to every run (lanes; test-only options are never reachable from the API). */
  runOptions?: Omit<DrillRunOptions, "params">;
  log?: (line: string) => void;
}

export interface DrillList {
  running: DrillProgress | null;
  /** The last run of this process once it has ended (its report is in `reports`). */
  last: DrillProgress | null;
  reports: DrillReportSummary[];
}

/** A drill or a safety comparison, as the service drives it. */
interface ActiveRun {
  id: string;
  progress(): DrillProgress;
  cancel(): void;
}

export class DrillService {
  private active: { run: ActiveRun; done: Promise<{ report: AnyReport; path: string } | null> } | null = null;
  private last: DrillProgress | null = null;

  constructor(private readonly deps: DrillServiceDeps) {}

  /** Validates `input` (a JSON body), then starts the drill in the background. Nothing starts on a refusal. */
  start(input: unknown): DrillProgress {
    const parsed = parseDrillParams(input ?? {});
    if (!parsed.ok) throw new ApiError(422, "invalid_params", parsed.error);
    const params = parsed.value;
    if (this.deps.runtimeKind === "none") {
      throw new ApiError(409, "read_only", "read-only: RUNTIME=none, this dashboard cannot break brokers for a drill");
    }
    if (typeof params.broker === "number" && !this.deps.brokerIds.includes(params.broker)) {
      throw new ApiError(422, "invalid_params", `broker ${params.broker} is not one of this cluster's brokers (${this.deps.brokerIds.join(", ")})`);
    }
    if (this.active) throw new ApiError(409, "drill_running", `drill ${this.active.run.id} is already running; cancel it or wait for its report`);
    const lock = acquireDrillLock(this.deps.reportsDir);
    if ("heldBy" in lock) throw new ApiError(409, "drill_running", `another process (pid ${lock.heldBy}) is running a drill on this data dir`);
    const runDeps = { bootstrap: this.deps.bootstrap, brokerIds: this.deps.brokerIds, act: this.deps.act, reportsDir: this.deps.reportsDir, log: this.deps.log };
    let run: ActiveRun;
    let running: Promise<{ report: AnyReport; path: string }>;
    if (params.scenario === "safety") {
      const safety = new SafetyComparison(runDeps, { recordBytes: params.recordBytes });
      run = { id: safety.id, progress: () => safety.progress(params), cancel: () => safety.cancel() };
      running = safety.run();
    } else {
      const drill = new DrillRun(runDeps, { ...this.deps.runOptions, params });
      run = drill;
      running = drill.run();
    }
    const done = running.then(
      (outcome) => outcome,
      (err) => {
        this.deps.log?.(`drill ${run.id} failed: ${err instanceof Error ? err.message : String(err)}`);
        return null;
      },
    );
    this.active = { run, done };
    void done.finally(() => {
      lock.release();
      this.last = run.progress();
      if (this.active?.run === run) this.active = null;
    });
    return run.progress();
  }

  /** Stops the running drill's traffic and brings its broker back. */
  cancel(): DrillProgress {
    if (!this.active) throw new ApiError(404, "no_drill", "no drill is running");
    this.active.run.cancel();
    return this.active.run.progress();
  }

  list(limit = 50): DrillList {
    return { running: this.active?.run.progress() ?? null, last: this.last, reports: listReports(this.deps.reportsDir, limit) };
  }

  /** One stored report; "current" gives the running drill's progress. */
  get(id: string): AnyReport | DrillProgress {
    if (id === "current") {
      if (!this.active) throw new ApiError(404, "no_drill", "no drill is running");
      return this.active.run.progress();
    }
    if (!REPORT_ID_PATTERN.test(id)) throw new ApiError(422, "invalid_id", "a drill id looks like drill-20250101T120000123Z");
    const report = readReport(this.deps.reportsDir, id);
    if (!report) throw new ApiError(404, "not_found", `no drill report ${id}`);
    return report;
  }

  /** Resolves when the running drill (if any) has finished; its outcome, or null. */
  async settled(): Promise<{ report: AnyReport; path: string } | null> {
    return this.active ? this.active.done : null;
  }
}
