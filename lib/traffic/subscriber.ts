// One handler behind two consumer groups: `<handler>` reads the category topics,
// `<handler>-retry` its retry topic, where each record waits out its backoff.
// Every record ends in exactly one outcome: handled, written to the retry topic
// (attempt count and due time in its headers), or written to the dead-letter
// topic after maxAttempts attempts. A batch's offsets are committed only once
// every failure in it has been written, so nothing is dropped silently.
import { decodeEvent, type StreamSocialEvent } from "@/lib/events/model";
import type { Parsed } from "@/lib/events/validation";
import { retryTopicOf } from "@/lib/events/topics";
import type { HandlerStats } from "@/lib/flow/handler-stats";
import type { FeedBus } from "@/lib/flow/feed-bus";
import { startGroupConsumer, type ConsumedBatch, type GroupConsumer } from "@/lib/kafka/consumer-group";
import type { EventProducer } from "@/lib/kafka/producer-events";
import type { FlowHandler } from "@/lib/model/flow";
import { feedItem } from "./feed-items";
import { HandlerError, type Handler } from "./handlers";
import type { Lanes } from "./lanes";
import { Progress } from "./progress";
import { ErrorPath, type Failure } from "./error-path";
import { parseRetryHeaders, type FailureInjector, type RetryPolicy } from "./retry-policy";
import { settleWhileAlive, waitUntil } from "./waits";

export interface SubscriberDeps {
  bootstrap: readonly string[];
  handler: FlowHandler;
  impl: Handler;
  topics: readonly string[];
  stats: HandlerStats;
  producer: EventProducer;
  lanes: Lanes;
  feed: FeedBus;
  injector: FailureInjector;
  policy: () => RetryPolicy;
  /** Every event id of this run starts with it (`evt-<seed>-`); others were left by an earlier, interrupted run. */
  runPrefix: string;
}

class Abandoned extends Error {}



export class Subscriber {
  private main: GroupConsumer | null = null;
  private retry: GroupConsumer | null = null;
  private readonly progress = new Progress();
  private readonly errors: ErrorPath;

  constructor(private readonly d: SubscriberDeps) {
    this.errors = new ErrorPath(d.handler, d.stats, d.producer, d.lanes, d.policy);
  }

  get groupIds(): [string, string] {
    return [this.d.handler, `${this.d.handler}-retry`];
  }

  async start(): Promise<void> {
    const [mainGroup, retryGroup] = this.groupIds;
    this.main = await startGroupConsumer({ bootstrap: this.d.bootstrap, groupId: mainGroup, topics: this.d.topics, onBatch: (b) => this.onMain(b) });
    this.retry = await startGroupConsumer({ bootstrap: this.d.bootstrap, groupId: retryGroup, topics: [retryTopicOf(this.d.handler)], onBatch: (b) => this.onRetry(b) });
  }

  async joined(timeoutMs: number): Promise<boolean> {
    const [a, b] = await Promise.all([this.main?.joined(timeoutMs), this.retry?.joined(timeoutMs)]);
    return a === true && b === true;
  }

  get consumer(): GroupConsumer | null {
    return this.main;
  }

  /** This run's events delivered to the handler (an earlier run's leftovers, read and skipped, are not counted). */
  get delivered(): number {
    return this.d.stats.delivered;
  }

  lag(): number {
    return (this.main?.lag() ?? 0) + (this.retry?.lag() ?? 0);
  }

  get topics(): readonly string[] {
    return this.d.topics;
  }

  work(): Record<string, number> {
    return this.d.impl.summary();
  }

  /** Every one of `expected` deliveries arrived and has its outcome written: nothing left to do. */
  settled(expected: number): boolean {
    const s = this.d.stats;
    return s.delivered >= expected && this.errors.writing === 0 && s.retried === s.retriesTaken && s.delivered === s.handled + s.deadLettered;
  }

  async stop(): Promise<void> {
    await Promise.all([this.main?.stop(), this.retry?.stop()].map((p) => p?.catch(() => {})));
  }

  private async onMain(batch: ConsumedBatch): Promise<void> {
    const progress = this.progress.of(batch.topic, batch.partition);
    const consumedAt = Date.now();
    const consumedPerf = performance.now();
    const writes: Promise<void>[] = [];
    let finishedAll = true;
    for (const r of batch.records) {
      if (batch.abandoned()) {
        finishedAll = false;
        break;
      }
      if (progress.isFinished(r.offset)) {
        this.d.stats.redelivered++;
        continue;
      }
      const event = this.ownEvent(decodeEvent(r.value));
      if (event === null) {
        progress.finish(r.offset);
        continue;
      }
      this.d.stats.deliver(consumedAt - r.timestamp, consumedAt);
      const source = `${batch.topic}/${batch.partition}@${r.offset}`;
      const failure = this.attempt(event, consumedPerf, false);
      if (failure === null) progress.finish(r.offset);
      else writes.push(this.errors.write(r.value, 1, failure, source).then(() => progress.finish(r.offset)));
    }
    await settleWhileAlive(writes, batch);
    if (!finishedAll) throw new Abandoned("batch abandoned (rebalance or stop)");
    progress.finishUpTo(batch.records[batch.records.length - 1]!.offset);
  }

  private async onRetry(batch: ConsumedBatch): Promise<void> {
    const progress = this.progress.of(batch.topic, batch.partition);
    const writes: Promise<void>[] = [];
    for (const r of batch.records) {
      if (progress.isFinished(r.offset)) {
        this.d.stats.redelivered++;
        continue;
      }
      const meta = parseRetryHeaders(r.headers);
      const event = meta && meta.handler === this.d.handler ? this.ownEvent(decodeEvent(r.value)) : null;
      if (!meta || event === null) {
        progress.finish(r.offset); // not one of ours: nothing to retry
        continue;
      }
      if (!(await waitUntil(meta.dueAt, batch))) {
        await settleWhileAlive(writes, batch);
        throw new Abandoned("retry batch abandoned (rebalance or stop)");
      }
      this.d.stats.retriesTaken++;
      const failure = this.attempt(event, performance.now(), true);
      if (failure === null) progress.finish(r.offset);
      else writes.push(this.errors.write(r.value, meta.attempts + 1, failure, meta.source).then(() => progress.finish(r.offset)));
    }
    await settleWhileAlive(writes, batch);
    progress.finishUpTo(batch.records[batch.records.length - 1]!.offset);
  }

  /**
   * Not one of this run's events: an interrupted run leaves records its groups
   * never committed, and this run's groups resume there; another producer's
   * records on the same topics (a test's "direct" writes, an operator's tool)
   * are no StreamSocial event at all. This run's publisher writes only valid
   * events with its own prefix, so anything else is skipped and counted, never
   * taken for one of this run's deliveries.
   */
  private ownEvent(decoded: Parsed<StreamSocialEvent>): StreamSocialEvent | null {
    if (decoded.ok && decoded.value.id.startsWith(this.d.runPrefix)) return decoded.value;
    this.d.stats.leftOver++;
    return null;
  }

  /** One handling attempt; null when it succeeded, else what went wrong. */
  private attempt(event: StreamSocialEvent, startedPerf: number, afterRetry: boolean): Failure | null {
    let kind;
    try {
      // Injected before the handler runs: a flaky downstream applies nothing.
      if (this.d.injector.shouldFail()) throw new HandlerError("injected failure", false);
      kind = this.d.impl.handle(event);
    } catch (err) {
      this.d.stats.fail(Date.now());
      return { error: err instanceof Error ? err.message : String(err), key: event.userId };
    }
    const now = Date.now();
    this.d.stats.succeed(performance.now() - startedPerf, now - event.timestamp, afterRetry, now);
    if (kind) this.d.feed.offer(() => feedItem(event, kind, this.d.handler, now), now);
    return null;
  }
}
