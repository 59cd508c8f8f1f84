// The producer side of the flow: creates each event (timed: the lesson's
// "event creation"), routes it to its category topic and partition, queues it
// in that partition's lane, and on acknowledgement records the publish latency
// (send → ack) and the stored time (the broker's LogAppendTime, else the ack).
import { generateEvent } from "@/lib/events/generator";
import { encodeEvent, routeEvent } from "@/lib/events/model";
import type { FlowRecorder } from "@/lib/flow/recorder";
import type { EventProducer, SendResult } from "@/lib/kafka/producer-events";
import type { LaneItem, Lanes } from "./lanes";
import type { TrafficParams } from "./params";

const toWeights = (m: TrafficParams["mix"]) => ({ user_action: m.user_action, content_interaction: m.content_interaction, system_event: m.system_event });

export class Publisher {
  private index = 0;
  private readonly ackedPerTopic = new Map<string, number>();
  private readonly categories: Set<string>;
  lastError: string | null = null;

  constructor(
    private readonly producer: EventProducer,
    private readonly lanes: Lanes,
    private readonly recorder: FlowRecorder,
    private readonly seed: number,
    categories: readonly string[],
  ) {
    this.categories = new Set(categories);
  }

  /** Events created and not acknowledged yet (the retry path's own writes are not counted). */
  get backlog(): number {
    return this.recorder.created.rate.total - this.recorder.published.rate.total;
  }

  /** Acknowledged events on these topics: what a handler subscribed to them must receive. */
  deliveriesFor(topics: readonly string[]): number {
    return topics.reduce((n, t) => n + (this.ackedPerTopic.get(t) ?? 0), 0);
  }

  publish(count: number, now: number, params: Pick<TrafficParams, "mix" | "poisonRate">): void {
    const options = { seed: this.seed, mix: toWeights(params.mix), poisonRate: params.poisonRate };
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      const event = generateEvent(this.index++, now, options);
      const { topic, key } = routeEvent(event);
      const value = encodeEvent(event);
      const partition = this.producer.partitionFor(topic, key);
      this.recorder.created.record(performance.now() - t0, 1, now);
      this.lanes.enqueue(topic, partition, { key, value, createdAt: now });
    }
  }

  acked(topic: string, items: readonly LaneItem[], sendMs: number, result: SendResult): void {
    if (!this.categories.has(topic)) return; // a retry or dead-letter write: its handler counts it
    const now = Date.now();
    this.ackedPerTopic.set(topic, (this.ackedPerTopic.get(topic) ?? 0) + items.length);
    this.recorder.published.record(sendMs, items.length, now);
    const storedAt = result.logAppendTime ?? now;
    // Items of one tick share their creation time: one histogram entry per run of equal times.
    let i = 0;
    while (i < items.length) {
      const createdAt = items[i]!.createdAt;
      let j = i + 1;
      while (j < items.length && items[j]!.createdAt === createdAt) j++;
      this.recorder.stored.record(storedAt - createdAt, j - i, now);
      i = j;
    }
  }

  failed(topic: string, items: readonly LaneItem[], err: unknown): void {
    this.lastError = `${topic}: ${err instanceof Error ? err.message : String(err)}`;
    if (this.categories.has(topic)) this.recorder.publishRetries.add(items.length, Date.now());
  }

  close(): void {
    this.lanes.close();
  }
}
