// One lane per partition between the traffic and the producer: records queue
// in order, one send is in flight per partition, and a failed send is sent
// again — the very same records, so the idempotent producer's sequence numbers
// match and a copy the broker did write is dropped — after a short backoff.
// Nothing is dropped: a stalled partition's records wait (the runner bounds how
// many are made), the other partitions go on.
import type { EventProducer, OutgoingRecord, SendResult } from "@/lib/kafka/producer-events";

export interface LaneItem extends OutgoingRecord {
  /** Event creation, epoch ms. */
  createdAt: number;
  /** Called once Kafka acknowledged the record. */
  acked?: (result: SendResult) => void;
  /** Called if the lanes close before the record was acknowledged. */
  abandoned?: (why: Error) => void;
}

export interface LaneHooks {
  onAck(topic: string, items: readonly LaneItem[], sendMs: number, result: SendResult): void;
  onError(topic: string, partition: number, items: readonly LaneItem[], err: unknown): void;
}

const MAX_BATCH = 500;
// Short: a partition whose leader moved should not sit out a long backoff once the new one is known.
const RETRY_MIN_MS = 50;
const RETRY_MAX_MS = 250;

class Lane {
  queue: LaneItem[] = [];
  /** A batch that failed: sent again as is, before anything newer. */
  retrying: LaneItem[] | null = null;
  busy = false;
  backoffMs = RETRY_MIN_MS;

  constructor(
    readonly topic: string,
    readonly partition: number,
  ) {}

  get size(): number {
    return this.queue.length + (this.retrying?.length ?? 0);
  }
}

export class Lanes {
  private readonly lanes = new Map<string, Lane>();
  private closed = false;
  private queuedCount = 0;

  constructor(
    private readonly producer: EventProducer,
    private readonly hooks: LaneHooks,
  ) {}

  enqueue(topic: string, partition: number, item: LaneItem): void {
    if (this.closed) {
      item.abandoned?.(new Error("the producer is closed"));
      return;
    }
    const key = `${topic}/${partition}`;
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = new Lane(topic, partition);
      this.lanes.set(key, lane);
    }
    lane.queue.push(item);
    this.queuedCount++;
    this.pump(lane);
  }

  /** Records not yet acknowledged (queued, in flight or being retried). */
  get queued(): number {
    return this.queuedCount;
  }

  /** Stops sending; every record not yet acknowledged is abandoned (its callback says so). */
  close(): void {
    this.closed = true;
    for (const lane of this.lanes.values()) {
      const left = [...(lane.retrying ?? []), ...lane.queue];
      lane.queue = [];
      lane.retrying = null;
      for (const item of left) item.abandoned?.(new Error("the producer closed before Kafka acknowledged the record"));
    }
  }

  private pump(lane: Lane): void {
    if (lane.busy || this.closed) return;
    const batch = lane.retrying ?? lane.queue.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    lane.retrying = null;
    lane.busy = true;
    const t0 = performance.now();
    this.producer.send(lane.topic, lane.partition, batch).then(
      (result) => {
        lane.busy = false;
        lane.backoffMs = RETRY_MIN_MS;
        this.queuedCount -= batch.length;
        this.hooks.onAck(lane.topic, batch, performance.now() - t0, result);
        for (const item of batch) item.acked?.(result);
        this.pump(lane);
      },
      (err: unknown) => {
        lane.retrying = batch;
        this.hooks.onError(lane.topic, lane.partition, batch, err);
        const wait = lane.backoffMs;
        lane.backoffMs = Math.min(RETRY_MAX_MS, lane.backoffMs * 2);
        setTimeout(() => {
          lane.busy = false;
          this.pump(lane);
        }, wait).unref();
      },
    );
  }
}
