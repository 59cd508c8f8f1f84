// The chart history: a fixed-size ring of points (and, reused, of timeline
// entries), so memory stays flat however long the server runs.
import type { ClusterSnapshot, HistoryPoint } from "@/lib/model/cluster";

/** One hour at the default 1 Hz poll; the design asks for at least 15 minutes. */
export const DEFAULT_HISTORY_CAPACITY = 3600;

export class RingBuffer<T extends { at: number }> {
  readonly capacity: number;
  private readonly items: (T | undefined)[];
  /** Index the next push writes to. */
  private head = 0;
  private count = 0;

  constructor(capacity = DEFAULT_HISTORY_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    this.items[this.head] = item;
    this.head = (this.head + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
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
    this.head = 0;
    this.count = 0;
  }
}

/** The chart figures of one snapshot; rates the snapshot could not compute are left out, not drawn as 0. */
export function historyPoint(snapshot: ClusterSnapshot): HistoryPoint {
  const perTopic: Record<string, number> = Object.fromEntries(
    snapshot.topics.flatMap((t) => (t.messagesInPerSec === null ? [] : [[t.name, t.messagesInPerSec] as const])),
  );
  const bytesInPerSec: Record<number, number> = {};
  const bytesOutPerSec: Record<number, number> = {};
  for (const b of snapshot.brokers) {
    if (!b.rates) continue;
    bytesInPerSec[b.id] = b.rates.bytesInPerSec;
    bytesOutPerSec[b.id] = b.rates.bytesOutPerSec;
  }
  return {
    at: snapshot.at,
    health: snapshot.health,
    messagesInPerSec: snapshot.figures.messagesInPerSec,
    perTopic,
    underReplicated: snapshot.figures.underReplicated,
    underMinIsr: snapshot.figures.underMinIsr,
    offline: snapshot.figures.offline,
    leadersPerBroker: { ...snapshot.figures.leadersPerBroker },
    bytesInPerSec,
    bytesOutPerSec,
    totalLag: snapshot.groups.reduce((sum, g) => sum + g.totalLag, 0),
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
