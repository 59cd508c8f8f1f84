// The chart history: a fixed-size ring of points (and, reused, of timeline
// entries), so memory stays flat however long the server runs.
import type { ClusterSnapshot, HistoryPoint } from "@/lib/model/cluster";
import { topTopicRates } from "./topic-digest";

/** One hour at the default 1 Hz poll; the design asks for at least 15 minutes. */
export const DEFAULT_HISTORY_CAPACITY = 3600;

/** Bytes of history kept at most, whatever the cluster's shape: about an hour of points at 1 Hz with 20 topics and 12 brokers. */
export const DEFAULT_HISTORY_BYTES = 8 * 1024 * 1024;

export interface RingLimits {
  /** Points kept at most. */
  capacity?: number;
  /** Estimated bytes kept at most; the oldest points go first (the newest always stays). */
  maxBytes?: number;
  /** The estimate of one item's size; default: its JSON length. */
  sizeOf?: (item: unknown) => number;
}

export class RingBuffer<T extends { at: number }> {
  readonly capacity: number;
  readonly maxBytes: number;
  private readonly items: (T | undefined)[];
  private readonly sizes: Float64Array;
  private readonly sizeOf: (item: unknown) => number;
  /** Index the next push writes to. */
  private head = 0;
  private count = 0;
  private total = 0;

  constructor(limits: number | RingLimits = {}) {
    const l = typeof limits === "number" ? { capacity: limits } : limits;
    const capacity = l.capacity ?? DEFAULT_HISTORY_CAPACITY;
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.maxBytes = l.maxBytes ?? Number.POSITIVE_INFINITY;
    this.sizeOf = l.sizeOf ?? ((item) => JSON.stringify(item).length);
    this.items = new Array<T | undefined>(capacity);
    this.sizes = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** The estimated bytes held now. */
  get bytes(): number {
    return this.total;
  }

  push(item: T): void {
    const size = this.maxBytes === Number.POSITIVE_INFINITY ? 0 : this.sizeOf(item);
    if (this.count === this.capacity) this.dropOldest();
    this.items[this.head] = item;
    this.sizes[this.head] = size;
    this.total += size;
    this.head = (this.head + 1) % this.capacity;
    this.count++;
    while (this.total > this.maxBytes && this.count > 1) this.dropOldest();
  }

  private dropOldest(): void {
    const start = (this.head - this.count + this.capacity) % this.capacity;
    this.total -= this.sizes[start] ?? 0;
    this.sizes[start] = 0;
    this.items[start] = undefined;
    this.count--;
  }

  /** Oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    const start = (this.head - this.count + this.capacity) % this.capacity;
    for (let i = 0; i < this.count; i++) {
      const item = this.items[(start + i) % this.capacity];
      if (item !== undefined) out.push(item);
    }
    return out;
  }

  /** Items strictly after t, oldest first: a client passing the newest time it holds gets only what it lacks. */
  since(t: number): T[] {
    return this.toArray().filter((item) => item.at > t);
  }

  last(): T | undefined {
    return this.count === 0 ? undefined : this.items[(this.head - 1 + this.capacity) % this.capacity];
  }

  clear(): void {
    this.items.fill(undefined);
    this.sizes.fill(0);
    this.head = 0;
    this.count = 0;
    this.total = 0;
  }
}

/** The chart figures of one snapshot; rates the snapshot could not compute are left out, not drawn as 0. */
export function historyPoint(snapshot: ClusterSnapshot): HistoryPoint {
  const { perTopic, otherTopics } = topTopicRates(snapshot.topics, snapshot.figures.messagesInPerSec);
  const bytesInPerSec: Record<number, number> = {};
  const bytesOutPerSec: Record<number, number> = {};
  const logDirBytes: Record<number, number> = {};
  for (const b of snapshot.brokers) {
    if (b.disk) logDirBytes[b.id] = b.disk.sizeBytes;
    if (!b.rates) continue;
    bytesInPerSec[b.id] = b.rates.bytesInPerSec;
    bytesOutPerSec[b.id] = b.rates.bytesOutPerSec;
  }
  return {
    at: snapshot.at,
    health: snapshot.health,
    messagesInPerSec: snapshot.figures.messagesInPerSec,
    perTopic,
    otherTopics,
    underReplicated: snapshot.figures.underReplicated,
    underMinIsr: snapshot.figures.underMinIsr,
    offline: snapshot.figures.offline,
    leadersPerBroker: { ...snapshot.figures.leadersPerBroker },
    bytesInPerSec,
    bytesOutPerSec,
    totalLag: snapshot.groups.reduce((sum, g) => sum + g.totalLag, 0),
    logDirBytes,
    ...canaryFigures(snapshot),
  };
}

/** Canary produce latency per broker (the partition it is meant to lead), and which brokers' writes failed. */
function canaryFigures(snapshot: ClusterSnapshot): Pick<HistoryPoint, "canaryMs" | "canaryFailed"> {
  const canaryMs: Record<number, number> = {};
  const canaryFailed: number[] = [];
  for (const p of snapshot.canary?.partitions ?? []) {
    if (p.ok && p.produceMs !== null) canaryMs[p.broker] = p.produceMs;
    else if (!p.ok) canaryFailed.push(p.broker);
  }
  return { canaryMs, canaryFailed };
}
