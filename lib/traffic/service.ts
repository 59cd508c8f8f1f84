// One background traffic run at a time: start, adjust, stop, status, and the
// flow's figures. Framework-free; the routes and the tests drive it, the CLI
// drives a TrafficRunner directly. The feed bus outlives runs, so an open page
// keeps its stream from one run to the next.
import { ApiError } from "@/lib/api/errors";
import { FeedBus } from "@/lib/flow/feed-bus";
import type { FlowResponse, TrafficStatus } from "@/lib/model/traffic";
import type { TrafficAdjust, TrafficParams } from "./params";
import { TrafficRunner } from "./runner";

export class TrafficService {
  private runner: TrafficRunner | null = null;
  private starting = false;
  readonly feed = new FeedBus();

  constructor(private readonly bootstrap: readonly string[]) {}

  async start(params: TrafficParams): Promise<TrafficStatus> {
    if (this.starting || this.runner?.running) {
      throw new ApiError(409, "traffic_running", "background traffic is already running; stop it first");
    }
    this.starting = true;
    try {
      const runner = new TrafficRunner(this.bootstrap, params, this.feed);
      this.runner = runner;
      await runner.start();
      return runner.status();
    } catch (err) {
      // Kafka refused (down, topics missing…): a readable 503, the run's status says the same.
      throw new ApiError(503, "traffic_failed", `traffic could not start: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.starting = false;
    }
  }

  adjust(adjust: TrafficAdjust): TrafficStatus {
    if (!this.runner || this.runner.status().state !== "running") {
      throw new ApiError(409, "traffic_not_running", "no traffic is running: start it first (rate, mix and failure rate can be set while it runs)");
    }
    this.runner.adjust(adjust);
    return this.runner.status();
  }

  /** Stops the producer now; the handlers drain in the background. Idempotent. */
  stop(): TrafficStatus | null {
    if (!this.runner) return null;
    void this.runner.stop();
    return this.runner.status();
  }

  status(): TrafficStatus | null {
    return this.runner?.status() ?? null;
  }

  flow(historySec: number): FlowResponse {
    const r = this.runner;
    if (!r) return { run: null, flow: null, history: [] };
    const now = Date.now();
    return { run: r.status(now), flow: r.figures(now), history: r.history(historySec, now) };
  }

  /** UI-update latencies measured by a browser (created → rendered), for the current or last run. */
  recordUi(latenciesMs: readonly number[]): number {
    if (!this.runner) throw new ApiError(409, "traffic_not_running", "no traffic run to report UI latencies for");
    const now = Date.now();
    for (const ms of latenciesMs) this.runner.recorder.ui.record(ms, 1, now);
    return latenciesMs.length;
  }

  /** For tests and shutdown: resolves when the current run has fully ended. */
  async settled(): Promise<void> {
    await this.runner?.done();
  }
}
