// Which records of a partition this handler has finished (handled, or its
// failure written on), so a record Kafka hands over again — after a rebalance,
// or a batch retried because a retry write failed — is neither handled nor
// counted twice. Consumer-group delivery is at-least-once; the handler's
// effects and the page's figures are exactly-once within the process.
// Bounded: one offset plus the finished offsets of at most one batch beyond it.

export class PartitionProgress {
  /** Every offset below this is finished. */
  private next = -1;
  private readonly above = new Set<number>();

  isFinished(offset: number): boolean {
    return offset < this.next || this.above.has(offset);
  }

  finish(offset: number): void {
    if (offset >= this.next) this.above.add(offset);
  }

  /** The batch up to `lastOffset` is all finished: everything below lastOffset + 1 is. */
  finishUpTo(lastOffset: number): void {
    this.next = Math.max(this.next, lastOffset + 1);
    for (const o of this.above) if (o < this.next) this.above.delete(o);
  }

  /** Finished offsets kept beyond the watermark (for tests: stays within a batch). */
  get pending(): number {
    return this.above.size;
  }
}

/** PartitionProgress per topic/partition. */
export class Progress {
  private readonly parts = new Map<string, PartitionProgress>();

  of(topic: string, partition: number): PartitionProgress {
    const key = `${topic}/${partition}`;
    let p = this.parts.get(key);
    if (!p) {
      p = new PartitionProgress();
      this.parts.set(key, p);
    }
    return p;
  }
}
