// The safety comparison's writes: numbered drill records queued per phase and
// sent in batches until the phase's deadline. A batch that fails stays at the
// head of the queue and is retried as is (the idempotent producer's rule), so
// what a frozen ISR refused in one phase is delivered in the next.
import type { DrillProducer, OutgoingRecord } from "@/lib/kafka/producer-drill";
import { sleep } from "@/lib/util/poll";
import { encodeDrillRecord } from "./record";
import type { SafetyWrites } from "./safety-report";
import { reasonKey } from "./steps";
import type { AckedRecord } from "./verify";

const BATCH = 25;
const RETRY_MS = 200;

interface Queued extends OutgoingRecord {
  seq: number;
}

export class SafetyWriter {
  readonly acked: AckedRecord[] = [];
  private readonly queue: Queued[] = [];
  private seq = 0;

  constructor(
    private readonly producer: DrillProducer,
    readonly producerId: string,
    private readonly recordBytes: number,
  ) {}

  get unsent(): number {
    return this.queue.length;
  }

  /** Queues `count` new records and sends until the queue is empty or `deadline` (epoch ms) passes. */
  async write(phase: SafetyWrites["phase"], count: number, deadline: number, signal?: AbortSignal): Promise<SafetyWrites> {
    for (let i = 0; i < count; i++) {
      const seq = this.seq++;
      const key = `user-${seq % 50}`;
      this.queue.push({ seq, key, value: encodeDrillRecord({ producerId: this.producerId, seq, key, sentAt: Date.now() }, this.recordBytes) });
    }
    const out: SafetyWrites = { phase, attempted: count, acked: 0, failedAttempts: 0, firstError: null };
    const reasons = new Map<string, number>();
    // Bounded: every pass either empties part of the queue or waits RETRY_MS, until the deadline.
    while (this.queue.length > 0 && Date.now() < deadline && !signal?.aborted) {
      const batch = this.queue.slice(0, BATCH);
      try {
        await this.producer.send(0, batch);
        this.queue.splice(0, batch.length);
        for (const r of batch) this.acked.push({ producerId: this.producerId, seq: r.seq, key: r.key });
        out.acked += batch.length;
      } catch (err) {
        out.failedAttempts++;
        const why = reasonKey(err instanceof Error ? err.message : String(err));
        reasons.set(why, (reasons.get(why) ?? 0) + 1);
        await sleep(RETRY_MS);
      }
    }
    out.firstError = [...reasons].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    return out;
  }
}
