// Drives the drill's load: a pacer generates records on schedule, each goes to
// its key's partition queue, and one sender per partition delivers the queue in
// batches, one send in flight per partition (see lib/kafka/producer-drill.ts for
// why). A failed batch is retried as is until the drain deadline. Every loop is
// bounded: generation by the pacer (count and time), delivery by the deadline.
import { mulberry32, zipfRank } from "@/lib/events/generator";
import type { DrillProducer, OutgoingRecord } from "@/lib/kafka/producer-drill";
import { sleep } from "@/lib/util/poll";
import { Pacer } from "./pacer";
import { encodeDrillRecord } from "./record";
import type { CountSample, ErrorSample, PartitionAck } from "./series";
import type { AckedRecord } from "./verify";

export interface PumpSabotage {
  /** Send every n-th successful batch a second time: real duplicates in the log. */
  duplicateEvery?: number;
  /** Count every n-th record as acknowledged without ever sending it: real gaps. */
  skipEvery?: number;
}

export interface PumpOptions {
  /** One producer per lane; partition p is served by lane p % lanes. */
  lanes: readonly { producer: DrillProducer; producerId: string }[];
  rate: number;
  durationSec: number;
  recordBytes: number;
  startedAt: number;
  /** After the last record is due, failed batches are retried until this long has passed. */
  drainMs: number;
  signal: AbortSignal;
  users?: number;
  seed?: number;
  maxBatch?: number;
  /** Per-partition backlog cap, in seconds of that partition's share of the rate. */
  backlogSec?: number;
  sabotage?: PumpSabotage;
}

interface Pending extends OutgoingRecord {
  seq: number;
}

export class DrillPump {
  readonly acked: AckedRecord[] = [];
  readonly ackSamples: CountSample[] = [];
  readonly errorSamples: ErrorSample[] = [];
  readonly retrySamples: CountSample[] = [];
  readonly partitionAcks: PartitionAck[] = [];
  generated = 0;
  skipped = 0;
  abandoned = 0;
  duplicatesSent = 0;
  liesTold = 0;
  lastError: string | null = null;
  /** Successful sends and the time they took (for the benchmark: batch size and latency). */
  sends = 0;
  sendMs = 0;
  generationEndedAt: number | null = null;

  private readonly queues: Pending[][];
  private readonly seqs: number[];
  private readonly wakers: ((() => void) | undefined)[];
  private generating = true;
  private batches = 0;
  /** Set by endGenerationAt: generation stops here, before the scheduled end. */
  private endEarlyAt = Infinity;

  constructor(private readonly opts: PumpOptions) {
    if (opts.lanes.length === 0) throw new RangeError("at least one producer lane is needed");
    const partitions = opts.lanes[0]!.producer.partitions;
    this.queues = Array.from({ length: partitions }, () => []);
    this.wakers = new Array(partitions).fill(undefined);
    this.seqs = opts.lanes.map(() => 0);
  }

  /** Ends generation at `t` (epoch ms) if that is before the scheduled end: the scenario is over. */
  endGenerationAt(t: number): void {
    this.endEarlyAt = Math.min(this.endEarlyAt, t);
  }

  get pending(): number {
    return this.queues.reduce((s, q) => s + q.length, 0);
  }

  async run(): Promise<void> {
    const senders = this.queues.map((_, p) => this.sender(p));
    try {
      await this.generate();
    } finally {
      this.generating = false;
      this.generationEndedAt = Date.now();
      for (const w of this.wakers) w?.();
    }
    await Promise.all(senders);
  }

  private async generate(): Promise<void> {
    const { rate, durationSec, startedAt, recordBytes, lanes, signal, users = 10_000, seed = 1 } = this.opts;
    const endsAt = startedAt + durationSec * 1000;
    const pacer = new Pacer({ ratePerSec: rate, startedAt, endsAt, maxRecords: rate * durationSec });
    const partitions = this.queues.length;
    const cap = Math.max(500, Math.ceil(((this.opts.backlogSec ?? 15) * rate) / partitions));
    const producer = lanes[0]!.producer;
    const keys = Array.from({ length: users }, (_, i) => `user-${i}`);
    const partitionOf = keys.map((k) => producer.partitionFor(k));
    const rand = mulberry32(seed);
    const skipEvery = this.opts.sabotage?.skipEvery;
    // Bounded: the pacer is done at endsAt at the latest; each pass sleeps.
    while (!signal.aborted) {
      const now = Date.now();
      const { count } = pacer.take(now);
      for (let i = 0; i < count; i++) {
        const u = zipfRank(rand(), users);
        const p = partitionOf[u]!;
        const queue = this.queues[p]!;
        if (queue.length >= cap) {
          this.skipped++;
          continue;
        }
        const lane = p % lanes.length;
        const seq = this.seqs[lane]!++;
        const key = keys[u]!;
        this.generated++;
        if (skipEvery && seq % skipEvery === skipEvery - 1) {
          // The lie: reported as acknowledged, never sent.
          this.acked.push({ producerId: lanes[lane]!.producerId, seq, key });
          this.liesTold++;
          continue;
        }
        queue.push({ seq, key, value: encodeDrillRecord({ producerId: lanes[lane]!.producerId, seq, key, sentAt: now }, recordBytes) });
      }
      if (count > 0) for (const w of this.wakers) w?.();
      if (pacer.done(now) || now >= this.endEarlyAt) break;
      await sleep(Math.max(2, Math.min(20, 1000 / rate)));
    }
  }

  private async sender(partition: number): Promise<void> {
    const queue = this.queues[partition]!;
    const { lanes, signal, maxBatch = 2000 } = this.opts;
    const lane = lanes[partition % lanes.length]!;
    for (;;) {
      if (signal.aborted) break;
      if (queue.length === 0) {
        if (!this.generating) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 50);
          this.wakers[partition] = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakers[partition] = undefined;
        continue;
      }
      const batch = queue.splice(0, maxBatch);
      await this.deliver(partition, lane, batch);
    }
    // Cancelled: whatever is still queued was never sent.
    this.abandoned += queue.length;
    queue.length = 0;
  }

  /**
   * The duplicate sabotage: the same records once more, under new sequence numbers, so
   * the log really holds them twice. Retried as is until acknowledged (a send that timed
   * out may still have been written: only an acknowledged copy is counted, and exactly once).
   */
  private async sendAgain(partition: number, lane: PumpOptions["lanes"][number], batch: Pending[], deadline: number): Promise<void> {
    while (!this.opts.signal.aborted && Date.now() < deadline) {
      try {
        await lane.producer.send(partition, batch);
        this.duplicatesSent += batch.length;
        return;
      } catch {
        await sleep(100);
      }
    }
  }

  private async deliver(partition: number, lane: PumpOptions["lanes"][number], batch: Pending[]): Promise<void> {
    const deadline = this.opts.startedAt + this.opts.durationSec * 1000 + this.opts.drainMs;
    for (let attempt = 1; ; attempt++) {
      try {
        const t0 = Date.now();
        const broker = await lane.producer.send(partition, batch);
        const t = Date.now();
        this.sends++;
        this.sendMs += t - t0;
        for (const r of batch) this.acked.push({ producerId: lane.producerId, seq: r.seq, key: r.key });
        this.ackSamples.push({ t, count: batch.length });
        this.partitionAcks.push({ partition, t, broker });
        const every = this.opts.sabotage?.duplicateEvery;
        if (every && ++this.batches % every === 0) await this.sendAgain(partition, lane, batch, deadline);
        return;
      } catch (err) {
        const t = Date.now();
        this.lastError = err instanceof Error ? err.message : String(err);
        this.errorSamples.push({ t, count: batch.length, reason: this.lastError });
        if (this.opts.signal.aborted || t >= deadline) {
          this.abandoned += batch.length;
          return;
        }
        // Short: the producer has re-read leadership already, and the new leader is the point;
        // none at all when it says where the partition went.
        const now = (err as { retryNow?: unknown }).retryNow === true;
        if (!now) await sleep(Math.min(250, 50 * attempt));
        this.retrySamples.push({ t: Date.now(), count: batch.length });
      }
    }
  }
}
