// Who leads each partition of one topic, as a client must know it to fail over:
// asked of every known broker at once, merged by leader epoch (KIP-320), so a
// broker with a stale view — frozen, partitioned away, not yet told of the
// election — cannot hold the client on the old leader. A refresh waits for the
// first answer plus a short grace for the others, never for a frozen broker.
import { metadataV12 } from "@platformatic/kafka";
import { answersWithin } from "./metadata";
import { answerEvenWithErrors, WirePool } from "./wire";

export interface PartitionLeader {
  leader: number;
  epoch: number;
}

/** After the first answer, how long the other brokers get to contribute. */
const GRACE_MS = 50;
/** Refreshes closer together than this are served from the last one. */
const MIN_SPACING_MS = 100;

export class LeaderMap {
  private readonly pool: WirePool;
  private readonly addresses = new Map<number, string>();
  private readonly leaders = new Map<number, PartitionLeader>();
  private inflight: Promise<void> | null = null;
  private lastRefresh = 0;
  partitionCount = 0;

  constructor(
    private readonly bootstrap: readonly string[],
    private readonly topic: string,
    clientId: string,
    private readonly timeoutMs: number,
  ) {
    this.pool = new WirePool(`${clientId}-metadata`, timeoutMs);
  }

  leaderOf(partition: number): PartitionLeader | undefined {
    return this.leaders.get(partition);
  }

  addressOf(broker: number): string | undefined {
    return this.addresses.get(broker);
  }

  /** A produce answer named the new leader (KIP-951): take it if it is newer. */
  hint(partition: number, leader: number, epoch: number): void {
    if (leader >= 0 && this.addresses.has(leader)) this.accept(partition, { leader, epoch });
  }

  /** Re-reads leadership; concurrent callers share one round. Throws only when no broker answered. */
  refresh(): Promise<void> {
    if (this.inflight) return this.inflight;
    if (Date.now() - this.lastRefresh < MIN_SPACING_MS && this.leaders.size > 0) return Promise.resolve();
    this.inflight = this.round().finally(() => {
      this.lastRefresh = Date.now();
      this.inflight = null;
    });
    return this.inflight;
  }

  close(): void {
    this.pool.close();
  }

  private accept(partition: number, next: PartitionLeader): void {
    const known = this.leaders.get(partition);
    // Equal epochs: the newer answer wins (a leader of -1 becomes known at the same epoch).
    if (!known || next.epoch > known.epoch || (next.epoch === known.epoch && next.leader >= 0)) this.leaders.set(partition, next);
  }

  private candidates(): string[] {
    return [...new Set([...this.bootstrap, ...this.addresses.values()])];
  }

  private async round(): Promise<void> {
    await answersWithin(this.candidates(), (address) => this.ask(address), GRACE_MS);
  }

  private async ask(address: string): Promise<void> {
    const res = await this.pool.request(address, (c) => answerEvenWithErrors(metadataV12.api.async(c, [this.topic], false, false)));
    for (const b of res.brokers) this.addresses.set(b.nodeId, `${b.host}:${b.port}`);
    const topic = res.topics.find((t) => t.name === this.topic);
    if (!topic || topic.errorCode !== 0) return;
    this.partitionCount = Math.max(this.partitionCount, topic.partitions.length);
    for (const p of topic.partitions) this.accept(p.partitionIndex, { leader: p.leaderId, epoch: p.leaderEpoch });
  }
}
