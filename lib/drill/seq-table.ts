// Per-producer bookkeeping for the verifier: which seqs were acknowledged (and
// by which acked record) and how often each was consumed. Seqs are dense from 0,
// so typed arrays indexed by seq keep a million records to a few megabytes and
// a few array reads each; anything outside the dense range (a wild seq, an
// unacknowledged tail) falls back to Maps so odd input can never blow up memory.

/** Dense range never exceeds this many slots per producer, whatever the input says. */
const MAX_DENSE = 1 << 26;

export class SeqTable {
  private readonly ackIndex: Int32Array;
  private readonly seen: Uint8Array;
  private readonly sparseAck = new Map<number, number>();
  private readonly sparseSeen = new Map<number, number>();

  /** `maxAckedSeq` and `ackedCount` size the dense part; sparse acks stay correct, just slower. */
  constructor(maxAckedSeq: number, ackedCount: number) {
    const dense = Math.min(maxAckedSeq + 1, 4 * ackedCount + 1024, MAX_DENSE);
    this.ackIndex = new Int32Array(Math.max(0, dense)).fill(-1);
    this.seen = new Uint8Array(Math.max(0, dense));
  }

  /** Remembers that `seq` was acked as acked-record number `index`; false when it already was. */
  ack(seq: number, index: number): boolean {
    if (seq < this.ackIndex.length) {
      if (this.ackIndex[seq] !== -1) return false;
      this.ackIndex[seq] = index;
      return true;
    }
    if (this.sparseAck.has(seq)) return false;
    this.sparseAck.set(seq, index);
    return true;
  }

  /** Index of the acked record for `seq`, or -1. */
  ackedAt(seq: number): number {
    return seq < this.ackIndex.length ? this.ackIndex[seq]! : (this.sparseAck.get(seq) ?? -1);
  }

  /** Counts one consumption of `seq`; returns how many times it had been seen before. */
  see(seq: number): number {
    if (seq < this.seen.length) {
      const before = this.seen[seq]!;
      if (before < 255) this.seen[seq] = before + 1; // saturate: only 0 vs >0 matters afterwards
      return before;
    }
    const before = this.sparseSeen.get(seq) ?? 0;
    this.sparseSeen.set(seq, before + 1);
    return before;
  }

  /** Acked-record indexes of every acked seq never consumed, in seq order for the dense part. */
  *missing(): Generator<number> {
    for (let seq = 0; seq < this.ackIndex.length; seq++) {
      const index = this.ackIndex[seq]!;
      if (index !== -1 && this.seen[seq] === 0) yield index;
    }
    for (const [seq, index] of [...this.sparseAck].sort((a, b) => a[0] - b[0])) {
      if (!this.sparseSeen.has(seq)) yield index;
    }
  }
}
