// One background traffic run at a time: start, stop, status. Framework-free;
// the route and the tests drive it, the CLI drives a TrafficRunner directly.
import { ApiError } from "@/lib/api/errors";
import type { TrafficParams } from "./params";
import { TrafficRunner, type TrafficStatus } from "./runner";

export class TrafficService {
  private runner: TrafficRunner | null = null;
  private starting = false;

  constructor(private readonly bootstrap: readonly string[]) {}

  async start(params: TrafficParams): Promise<TrafficStatus> {
    const current = this.runner?.status();
    if (this.starting || (current && (current.state === "running" || current.state === "starting" || current.state === "draining"))) {
      throw new ApiError(409, "traffic_running", "background traffic is already running; stop it first");
    }
    this.starting = true;
    try {
      const runner = new TrafficRunner(this.bootstrap, params);
      this.runner = runner;
      await runner.start();
      return runner.status();
    } finally {
      this.starting = false;
    }
  }

  /** Stops the producer now; the consumers drain in the background. Idempotent. */
  stop(): TrafficStatus | null {
    if (!this.runner) return null;
    void this.runner.stop();
    return this.runner.status();
  }

  status(): TrafficStatus | null {
    return this.runner?.status() ?? null;
  }

  /** For tests and shutdown: resolves when the current run has fully ended. */
  async settled(): Promise<void> {
    await this.runner?.done();
  }
}
