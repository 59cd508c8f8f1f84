// One handler's accounting: every delivery ends handled, in its retry topic, or
// dead-lettered, and the counts say so (`unaccounted` must stay 0). Time is
// passed in, so it is tested with plain numbers.
import type { FlowHandler, HandlerFigures } from "@/lib/model/flow";
import { WindowedLatency } from "./latency";
import { RateCounter } from "./rates";

export class HandlerStats {
  delivered = 0;
  attempts = 0;
  handled = 0;
  handledAfterRetry = 0;
  failures = 0;
  retried = 0;
  deadLettered = 0;
  /** Retry records taken up again by the retry consumer. */
  retriesTaken = 0;
  redelivered = 0;
  /** Records of an earlier, interrupted run, skipped. */
  leftOver = 0;
  lag = 0;
  readonly handledRate = new RateCounter();
  readonly failureRate = new RateCounter();
  readonly retriedRate = new RateCounter();
  readonly deadLetterRate = new RateCounter();
  readonly delivery = new WindowedLatency();
  readonly processing = new WindowedLatency();
  readonly endToEnd = new WindowedLatency();

  constructor(readonly handler: FlowHandler) {}

  /** A first delivery from a category topic: stored → consumed. */
  deliver(deliveryMs: number, now: number): void {
    this.delivered++;
    this.delivery.record(deliveryMs, 1, now);
  }

  /** One attempt that succeeded: consumed → handled, and created → handled. */
  succeed(processingMs: number, endToEndMs: number, afterRetry: boolean, now: number): void {
    this.attempts++;
    this.handled++;
    if (afterRetry) this.handledAfterRetry++;
    this.handledRate.add(1, now);
    this.processing.record(processingMs, 1, now);
    this.endToEnd.record(endToEndMs, 1, now);
  }

  /** One attempt that threw (the lesson's Error state). */
  fail(now: number): void {
    this.attempts++;
    this.failures++;
    this.failureRate.add(1, now);
  }

  /** The retry record of a failure was acknowledged by Kafka. */
  retryWritten(now: number): void {
    this.retried++;
    this.retriedRate.add(1, now);
  }

  deadLetterWritten(now: number): void {
    this.deadLettered++;
    this.deadLetterRate.add(1, now);
  }

  figures(now: number): HandlerFigures {
    const pendingRetries = Math.max(0, this.retried - this.retriesTaken);
    return {
      handler: this.handler,
      delivered: this.delivered,
      attempts: this.attempts,
      handled: this.handled,
      handledAfterRetry: this.handledAfterRetry,
      failures: this.failures,
      retried: this.retried,
      deadLettered: this.deadLettered,
      pendingRetries,
      redelivered: this.redelivered,
      leftOver: this.leftOver,
      lag: this.lag,
      handledPerSec: this.handledRate.perSec(now),
      failuresPerSec: this.failureRate.perSec(now),
      delivery: this.delivery.window(now),
      processing: this.processing.window(now),
      processingRun: this.processing.runSummary(),
      endToEnd: this.endToEnd.window(now),
      endToEndRun: this.endToEnd.runSummary(),
      errorRate: this.attempts === 0 ? null : this.failures / this.attempts,
      deadLetterRate: this.handled + this.deadLettered === 0 ? null : this.deadLettered / (this.handled + this.deadLettered),
      inProgress: this.delivered - this.handled - this.deadLettered - pendingRetries,
    };
  }
}
