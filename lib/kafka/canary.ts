// The canary: one small acks=all record to every partition of the canary topic
// each poll, read back from the leader. Whether that write is acknowledged is the
// ground truth of "writable", whatever the metadata says (LinkedIn's Xinfra
// Monitor does the same). Raw requests on connections of its own, one per
// partition: Kafka answers one request per connection at a time, so a write
// waiting for a dead replica's ack must not hold up the write to another
// partition, or the liveness probe. Bounded: one record per partition per poll,
// a short produce timeout, and the topic keeps an hour.
import { fetchV12, produceV9 } from "@platformatic/kafka";
import type { CanaryObservation, CanaryWrite, PartitionState } from "@/lib/model/cluster";
import { kafkaErrorName } from "./error-names";
import { errorText } from "./liveness";
import { answerEvenWithErrors, WirePool } from "./wire";

const ACKS_ALL = -1;

export class CanaryWriter {
  private readonly pools = new Map<number, WirePool>();
  private seq = 0;

  constructor(
    private readonly clientId: string,
    readonly topic: string,
    private readonly timeoutMs: number,
  ) {}

  /** One write + read-back per partition of the canary topic, all at once. */
  async round(partitions: readonly PartitionState[], addressOf: ReadonlyMap<number, string>, now: number): Promise<CanaryObservation> {
    const own = partitions.filter((p) => p.topic === this.topic);
    if (own.length === 0) return { topic: this.topic, at: now, writes: [], error: `canary topic ${this.topic} does not exist` };
    const writes = await Promise.all(own.map((p) => this.write(p, addressOf.get(p.leader))));
    return { topic: this.topic, at: now, writes: writes.sort((a, b) => a.partition - b.partition) };
  }

  close(): void {
    for (const pool of this.pools.values()) pool.close();
    this.pools.clear();
  }

  private pool(partition: number): WirePool {
    let pool = this.pools.get(partition);
    if (!pool) {
      pool = new WirePool(`${this.clientId}-canary`, this.timeoutMs);
      this.pools.set(partition, pool);
    }
    return pool;
  }

  private async write(p: PartitionState, address: string | undefined): Promise<CanaryWrite> {
    const base = { partition: p.partition, broker: p.replicas[0] ?? p.leader, leader: p.leader };
    const failed = (error: string): CanaryWrite => ({ ...base, ok: false, produceMs: null, endToEndMs: null, error });
    if (p.leader < 0) return failed("partition has no leader");
    if (!address) return failed(`no address known for leader ${p.leader}`);
    const pool = this.pool(p.partition);
    const value = Buffer.from(JSON.stringify({ canary: this.clientId, seq: ++this.seq, at: Date.now() }));
    const t0 = performance.now();
    try {
      // The broker gives up on acks a little before we give up on the broker, so a
      // stalled ISR answers REQUEST_TIMED_OUT on a connection that stays usable.
      const brokerTimeout = Math.max(50, this.timeoutMs - 150);
      const res = await pool.request(address, (c) =>
        answerEvenWithErrors(produceV9.api.async(c, ACKS_ALL, brokerTimeout, [{ topic: this.topic, partition: p.partition, value }])),
      );
      const answer = typeof res === "object" ? res.responses[0]?.partitionResponses[0] : undefined;
      if (!answer) return failed("empty produce answer");
      if (answer.errorCode !== 0) return failed(kafkaErrorName(answer.errorCode));
      const produceMs = round1(performance.now() - t0);
      const endToEndMs = await this.readBack(pool, address, p.partition, answer.baseOffset, t0);
      return { ...base, ok: true, produceMs, endToEndMs };
    } catch (err) {
      return failed(errorText(err));
    }
  }

  /** Fetches the record just written; null when it could not be read back in time. */
  private async readBack(pool: WirePool, address: string, partition: number, offset: bigint, t0: number): Promise<number | null> {
    try {
      const res = await pool.request(address, (c) =>
        fetchV12.api.async(c, 0, 1, 65_536, 0, 0, -1, [
          { topicId: this.topic, partitions: [{ partition, currentLeaderEpoch: -1, fetchOffset: offset, lastFetchedEpoch: -1, partitionMaxBytes: 65_536 }] },
        ], [], ""),
      );
      const got = res.responses[0]?.partitions[0];
      const found = got?.errorCode === 0 && (got.records ?? []).some((b) => b.firstOffset <= offset && offset <= b.firstOffset + BigInt(b.lastOffsetDelta));
      return found ? round1(performance.now() - t0) : null;
    } catch {
      return null;
    }
  }
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;
