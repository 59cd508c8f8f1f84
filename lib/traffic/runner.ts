// Background StreamSocial traffic: a paced, bounded stream of realistic events
// (routed to their category topics, keyed by user) and the lesson's three
// subscribers as real consumer groups. Stops by itself at its time or count
// bound; on stop the consumers drain (bounded) before they leave the group.
import { randomInt } from "node:crypto";
import { generateEvent } from "@/lib/events/generator";
import { decodeEvent, encodeEvent, routeEvent } from "@/lib/events/model";
import { startGroupConsumer, type GroupConsumer } from "@/lib/kafka/consumer-group";
import { connectEventProducer, type EventProducer, type RoutedRecord } from "@/lib/kafka/producer-events";
import { Pacer } from "@/lib/drill/pacer";
import { sleep } from "@/lib/util/poll";
import { AnalyticsHandler, FeedHandler, NotificationHandler, type Handler } from "./handlers";
import { eventBudget, TRAFFIC_GROUPS, TRAFFIC_SUBSCRIPTIONS, type TrafficGroup, type TrafficParams } from "./params";

export type TrafficState = "starting" | "running" | "draining" | "stopped" | "failed";
export type StopReason = "time" | "count" | "operator" | "error";

export interface TrafficGroupStatus {
  groupId: TrafficGroup;
  consumed: number;
  /** From this member's last fetch: high watermark − next offset. */
  lag: number;
  lastBatchAt: number | null;
  restarts: number;
  work: Record<string, number>;
}

export interface TrafficStatus {
  state: TrafficState;
  params: TrafficParams;
  startedAt: number | null;
  endsAt: number | null;
  maxEvents: number;
  produced: number;
  failed: number;
  /** Events per second acknowledged over the last 5 s. */
  currentRate: number;
  stoppedReason: StopReason | null;
  lastError: string | null;
  groups: TrafficGroupStatus[];
}

const DRAIN_MS = 30_000;
const TICK_MS = 100;

export class TrafficRunner {
  private state: TrafficState = "starting";
  private startedAt: number | null = null;
  private produced = 0;
  private failed = 0;
  private stoppedReason: StopReason | null = null;
  private lastError: string | null = null;
  private readonly ackTimes: { t: number; n: number }[] = [];
  private readonly consumers = new Map<TrafficGroup, { consumer: GroupConsumer; handler: Handler }>();
  private stopRequested = false;
  private finished: Promise<void> = Promise.resolve();
  private readonly seed = randomInt(1, 2 ** 31);

  constructor(
    private readonly bootstrap: readonly string[],
    readonly params: TrafficParams,
  ) {}

  /** Resolves once the consumers have joined and the producer runs; the rest happens in the background. */
  async start(): Promise<void> {
    let producer: EventProducer | undefined;
    try {
      for (const groupId of TRAFFIC_GROUPS) {
        const handler = groupId === "feed" ? new FeedHandler() : groupId === "notification" ? new NotificationHandler() : new AnalyticsHandler();
        const consumer = await startGroupConsumer({
          bootstrap: this.bootstrap,
          groupId,
          topics: TRAFFIC_SUBSCRIPTIONS[groupId],
          onValues: (_topic, values) => {
            for (const v of values) {
              const e = decodeEvent(v);
              if (e.ok) handler.handle(e.value);
            }
          },
        });
        this.consumers.set(groupId, { consumer, handler });
      }
      await Promise.all([...this.consumers.values()].map((c) => c.consumer.joined(30_000)));
      producer = await connectEventProducer(this.bootstrap);
    } catch (err) {
      this.fail(err);
      await producer?.disconnect().catch(() => {});
      await this.closeConsumers();
      throw err;
    }
    this.startedAt = Date.now();
    this.state = "running";
    this.finished = this.produce(producer).finally(() => producer!.disconnect().catch(() => {}));
  }

  /** Asks the producer to stop; resolves once the consumers have drained and left. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    await this.finished;
  }

  /** Resolves when the run has ended (bound reached or stopped). */
  done(): Promise<void> {
    return this.finished;
  }

  status(now = Date.now()): TrafficStatus {
    const recent = this.ackTimes.filter((a) => a.t > now - 5000).reduce((s, a) => s + a.n, 0);
    return {
      state: this.state,
      params: this.params,
      startedAt: this.startedAt,
      endsAt: this.startedAt === null ? null : this.startedAt + this.params.durationSec * 1000,
      maxEvents: eventBudget(this.params),
      produced: this.produced,
      failed: this.failed,
      currentRate: this.state === "running" ? recent / 5 : 0,
      stoppedReason: this.stoppedReason,
      lastError: this.lastError,
      groups: [...this.consumers].map(([groupId, { consumer, handler }]) => ({
        groupId,
        consumed: consumer.consumed,
        lag: consumer.lag(),
        lastBatchAt: consumer.lastBatchAt,
        restarts: consumer.restarts,
        work: handler.summary(),
      })),
    };
  }

  private async produce(producer: EventProducer): Promise<void> {
    const startedAt = this.startedAt!;
    const endsAt = startedAt + this.params.durationSec * 1000;
    const pacer = new Pacer({ ratePerSec: this.params.rate, startedAt, endsAt, maxRecords: eventBudget(this.params) });
    let index = 0;
    try {
      // Bounded by the pacer (time and count) and by stop().
      while (!this.stopRequested) {
        const now = Date.now();
        // At most 5 s of backlog: a long outage is skipped, not replayed in a burst.
        const { count } = pacer.take(now, this.params.rate * 5);
        if (count > 0) {
          const batch: RoutedRecord[] = [];
          for (let i = 0; i < count; i++) {
            const event = generateEvent(index++, now, { seed: this.seed });
            batch.push({ ...routeEvent(event), value: encodeEvent(event) });
          }
          try {
            await producer.send(batch);
            this.produced += batch.length;
            this.ackTimes.push({ t: Date.now(), n: batch.length });
            while (this.ackTimes.length > 0 && this.ackTimes[0]!.t < Date.now() - 10_000) this.ackTimes.shift();
          } catch (err) {
            this.failed += batch.length;
            this.lastError = err instanceof Error ? err.message : String(err);
          }
        }
        if (pacer.done(Date.now())) break;
        await sleep(TICK_MS);
      }
      // Without maxEvents the count bound is rate × duration, reached at the time bound: "time".
      const countFirst = this.params.maxEvents !== undefined && pacer.total >= this.params.maxEvents && Date.now() < endsAt;
      this.stoppedReason = this.stopRequested ? "operator" : countFirst ? "count" : "time";
      this.state = "draining";
      await this.drain();
      this.state = "stopped";
    } catch (err) {
      this.fail(err);
    } finally {
      await this.closeConsumers();
    }
  }

  /** Until every group's lag is 0 (or DRAIN_MS passes). */
  private async drain(): Promise<void> {
    const until = Date.now() + DRAIN_MS;
    while (Date.now() < until) {
      const idle = [...this.consumers.values()].every(({ consumer }) => consumer.lag() === 0 && (consumer.lastBatchAt ?? 0) < Date.now() - 1000);
      if (idle) return;
      await sleep(250);
    }
  }

  private async closeConsumers(): Promise<void> {
    await Promise.all([...this.consumers.values()].map(({ consumer }) => consumer.stop().catch(() => {})));
  }

  private fail(err: unknown): void {
    this.state = "failed";
    this.stoppedReason = "error";
    this.lastError = err instanceof Error ? err.message : String(err);
  }
}
