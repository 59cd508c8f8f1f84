// A traffic run: a paced, bounded stream of realistic events (routed to their
// category topics, keyed by user) through per-partition lanes, and the lesson's
// three subscribers as real consumer groups with their retry path, every stage
// timed into a FlowRecorder. Stops by itself at its time or count bound; then
// the backlog is sent and the handlers finish (bounded) before they leave.
import { randomInt } from "node:crypto";
import { FeedBus } from "@/lib/flow/feed-bus";
import { FlowRecorder } from "@/lib/flow/recorder";
import type { EventProducer } from "@/lib/kafka/producer-events";
import type { FlowFigures, FlowPoint } from "@/lib/model/flow";
import type { StopReason, TrafficState, TrafficStatus } from "@/lib/model/traffic";
import { pollUntil, sleep } from "@/lib/util/poll";
import { assembleRun, type RunParts } from "./assemble";
import { RatePacer } from "./pacer";
import { eventBudget, TRAFFIC_GROUPS, type TrafficAdjust, type TrafficParams } from "./params";
import type { Publisher } from "./publisher";
import type { FailureInjector } from "./retry-policy";
import type { Subscriber } from "./subscriber";

const DRAIN_MS = 30_000;
const TICK_MS = 50;
/**
 * The backlog (created, not acknowledged) is capped at this many seconds of
 * traffic, and at BACKLOG_MAX events (~60 MB of records): enough to ride out a
 * broker's fencing (6-10 s) without dropping a beat; beyond it events are not
 * made (counted as skipped) rather than held without bound.
 */
const BACKLOG_SEC = 30;
const BACKLOG_MAX = 200_000;

export class TrafficRunner {
  private state: TrafficState = "starting";
  private startedAt: number | null = null;
  private producedUntil: number | null = null;
  private stoppedReason: StopReason | null = null;
  private stopRequested = false;
  private finished: Promise<void> = Promise.resolve();
  private pacer: RatePacer | null = null;
  private publisher: Publisher | null = null;
  private subscribers: Subscriber[] = [];
  private historyTimer: NodeJS.Timeout | undefined;
  private injectors: FailureInjector[] = [];
  readonly seed = randomInt(1, 2 ** 31);
  readonly recorder = new FlowRecorder();
  private storedClock: FlowFigures["storedClock"] = "LogAppendTime";
  params: TrafficParams;

  constructor(
    private readonly bootstrap: readonly string[],
    params: TrafficParams,
    readonly feed = new FeedBus(),
  ) {
    this.params = params;
  }

  /** Resolves once the consumers have joined and the producer runs; the rest happens in the background. */
  async start(): Promise<void> {
    let parts: RunParts;
    try {
      parts = await assembleRun({ bootstrap: this.bootstrap, seed: this.seed, recorder: this.recorder, feed: this.feed, params: () => this.params });
    } catch (err) {
      this.fail(err);
      throw err;
    }
    this.publisher = parts.publisher;
    this.subscribers = parts.subscribers;
    this.injectors = parts.injectors;
    this.storedClock = parts.storedClock;
    const producer = parts.producer;
    this.startedAt = Date.now();
    const endsAt = this.startedAt + this.params.durationSec * 1000;
    this.pacer = new RatePacer(this.params.rate, this.startedAt, endsAt, this.params.maxEvents);
    this.state = "running";
    this.historyTimer = setInterval(() => this.recorder.tick(Date.now(), this.publisher?.backlog ?? 0), 1000);
    this.historyTimer.unref();
    this.finished = this.run().finally(() => this.close(producer));
  }

  /** Asks the producer to stop; resolves once the handlers have drained and left. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    await this.finished;
  }

  done(): Promise<void> {
    return this.finished;
  }

  get running(): boolean {
    return this.state === "starting" || this.state === "running" || this.state === "draining";
  }

  /** Rate, mix and failure settings from now on. */
  adjust(a: TrafficAdjust): void {
    if (a.rate !== undefined && a.rate !== this.params.rate) this.pacer?.setRate(a.rate, Date.now());
    this.params = { ...this.params, ...Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) };
    for (const i of this.injectors) i.rate = this.params.failureRate;
  }

  status(now = Date.now()): TrafficStatus {
    return {
      state: this.state,
      params: this.params,
      seed: this.seed,
      startedAt: this.startedAt,
      endsAt: this.startedAt === null ? null : this.startedAt + this.params.durationSec * 1000,
      producedUntil: this.producedUntil,
      maxEvents: this.pacer?.countBound ?? eventBudget(this.params),
      created: this.recorder.created.rate.total,
      produced: this.recorder.published.rate.total,
      skipped: this.pacer?.skipped ?? 0,
      backlog: this.publisher?.backlog ?? 0,
      currentRate: this.state === "running" ? this.recorder.published.rate.perSec(now) : 0,
      stoppedReason: this.stoppedReason,
      lastError: this.publisher?.lastError ?? this.lastError,
      groups: this.subscribers.map((s, i) => ({
        groupId: TRAFFIC_GROUPS[i]!,
        consumed: s.delivered,
        lag: s.lag(),
        lastBatchAt: s.consumer?.lastBatchAt ?? null,
        restarts: s.consumer?.restarts ?? 0,
        work: s.work(),
      })),
    };
  }

  figures(now = Date.now()): FlowFigures {
    this.subscribers.forEach((s, i) => (this.recorder.handlers[TRAFFIC_GROUPS[i]!].lag = s.lag()));
    return this.recorder.figures(now, {
      backlog: this.publisher?.backlog ?? 0,
      storedClock: this.storedClock,
      configuredRate: this.params.rate,
      running: this.state === "running",
      startedAt: this.startedAt,
      producedUntil: this.producedUntil,
    });
  }

  history(seconds: number, now = Date.now()): FlowPoint[] {
    return this.recorder.history(seconds, now);
  }

  private lastError: string | null = null;

  private async run(): Promise<void> {
    const pacer = this.pacer!;
    const publisher = this.publisher!;
    try {
      // Bounded by the pacer (time and count) and by stop().
      while (!this.stopRequested) {
        const now = Date.now();
        const room = Math.min(this.params.rate * BACKLOG_SEC, BACKLOG_MAX) - publisher.backlog;
        publisher.publish(pacer.take(now, room), now, this.params);
        if (pacer.done(Date.now())) break;
        await sleep(TICK_MS);
      }
      const endsAt = this.startedAt! + this.params.durationSec * 1000;
      // The last tick lands a little after the scheduled end: the run's span is the schedule's.
      this.producedUntil = Math.min(Date.now(), endsAt);
      const countFirst = pacer.total + pacer.skipped >= pacer.countBound && Date.now() < endsAt;
      this.stoppedReason = this.stopRequested ? "operator" : countFirst ? "count" : "time";
      this.state = "draining";
      await pollUntil(() => publisher.backlog === 0, { timeoutMs: DRAIN_MS, intervalMs: 100 });
      await pollUntil(() => this.subscribers.every((s) => s.settled(publisher.deliveriesFor(s.topics))), { timeoutMs: DRAIN_MS, intervalMs: 100 });
      this.state = "stopped";
    } catch (err) {
      this.fail(err);
    }
  }

  private async close(producer: EventProducer): Promise<void> {
    clearInterval(this.historyTimer);
    if (this.startedAt !== null) this.recorder.tick(Date.now() + 1000, this.publisher?.backlog ?? 0);
    await Promise.all(this.subscribers.map((s) => s.stop()));
    this.publisher?.close();
    await producer.disconnect().catch(() => {});
  }

  private fail(err: unknown): void {
    this.state = "failed";
    this.stoppedReason = "error";
    this.lastError = err instanceof Error ? err.message : String(err);
  }
}
