// The verifier's pure core: compare what the brokers acknowledged with what a
// consumer read back. Acknowledged-but-missing is data loss, the one figure that
// must be zero; duplicates and per-key reordering are what idempotence should
// prevent. Typed arrays keyed by seq check a million records in about a second.
import type { DrillRecord } from "./record";
import { SeqTable } from "./seq-table";

export interface AckedRecord {
  producerId: string;
  seq: number;
  key: string;
}

export interface ConsumedRecord {
  partition: number;
  offset: number;
  /** null when the value could not be decoded as a drill record. */
  record: DrillRecord | null;
}

export interface VerifyInput {
  acked: readonly AckedRecord[];
  /** In consumption order; within a partition normally by offset (re-sorted if not). */
  consumed: readonly ConsumedRecord[];
  /** This run's producers. Others' records (an earlier run on the same topic) are ignored. Default: the acked ones. */
  producerIds?: readonly string[];
  sampleSize?: number;
}

export interface Located {
  producerId: string;
  seq: number;
  key: string;
  partition: number;
  offset: number;
}

export interface VerifyResult {
  /** Distinct acknowledged records. */
  acked: number;
  /** Records handed to the verifier, re-reads included. */
  consumed: number;
  /** Acknowledged records found at least once. */
  found: number;
  missing: { count: number; sample: AckedRecord[] };
  /** Extra copies of a producerId+seq at distinct offsets: the log really holds them twice. */
  duplicates: { count: number; sample: Located[] };
  /** Records that came after a higher seq of the same producer and key in the same partition. */
  outOfOrder: { count: number; sample: (Located & { afterSeq: number })[] };
  /** Sent, never acknowledged, yet written: normal when a kill cuts off the ack. */
  unackedPresent: number;
  /** Consumed with a key other than the one acknowledged for that seq. */
  keyMismatches: number;
  /** The same partition+offset read twice (a consumer rewind), not counted as duplicates. */
  rereads: number;
  undecodable: number;
  /** Records from producers outside this run. */
  foreign: number;
  lossFree: boolean;
}

const isSeq = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** Groups by partition and makes each group strictly increasing by offset, dropping re-reads. */
function byPartition(consumed: readonly ConsumedRecord[]): { groups: ConsumedRecord[][]; rereads: number } {
  const map = new Map<number, ConsumedRecord[]>();
  for (const c of consumed) {
    const group = map.get(c.partition);
    if (group) group.push(c);
    else map.set(c.partition, [c]);
  }
  let rereads = 0;
  const groups = [...map.values()].map((group) => {
    if (group.every((c, i) => i === 0 || c.offset > group[i - 1]!.offset)) return group;
    const sorted = [...group].sort((a, b) => a.offset - b.offset); // stable: first read of an offset wins
    const unique = sorted.filter((c, i) => i === 0 || c.offset !== sorted[i - 1]!.offset);
    rereads += sorted.length - unique.length;
    return unique;
  });
  return { groups, rereads };
}

export function verifyDrill({ acked, consumed, producerIds, sampleSize = 20 }: VerifyInput): VerifyResult {
  const ids = producerIds ?? [...new Set(acked.map((a) => a.producerId))];
  const producerIndex = new Map(ids.map((id, i) => [id, i]));
  const maxSeq = new Array<number>(ids.length).fill(-1);
  const ackedCount = new Array<number>(ids.length).fill(0);
  for (const a of acked) {
    // Acks come from our own producer: a bad seq there is a bug to surface, not data to judge.
    if (!isSeq(a.seq)) throw new RangeError(`acked seq must be a whole number >= 0 (got ${a.seq})`);
    const p = producerIndex.get(a.producerId);
    if (p === undefined) continue;
    maxSeq[p] = Math.max(maxSeq[p]!, a.seq);
    ackedCount[p]!++;
  }
  const tables = ids.map((_, p) => new SeqTable(maxSeq[p]!, ackedCount[p]!));
  let distinctAcked = 0;
  acked.forEach((a, i) => {
    const p = producerIndex.get(a.producerId);
    if (p !== undefined && tables[p]!.ack(a.seq, i)) distinctAcked++;
  });

  const result: VerifyResult = {
    acked: distinctAcked, consumed: consumed.length, found: 0,
    missing: { count: 0, sample: [] }, duplicates: { count: 0, sample: [] }, outOfOrder: { count: 0, sample: [] },
    unackedPresent: 0, keyMismatches: 0, rereads: 0, undecodable: 0, foreign: 0, lossFree: false,
  };
  const { groups, rereads } = byPartition(consumed);
  result.rereads = rereads;

  for (const group of groups) {
    // Highest seq so far per producer+key in this partition: order is only promised there.
    const highest = ids.map(() => new Map<string, number>());
    for (const { partition, offset, record } of group) {
      if (!record || !isSeq(record.seq)) {
        result.undecodable++;
        continue;
      }
      const p = producerIndex.get(record.producerId);
      if (p === undefined) {
        result.foreign++;
        continue;
      }
      const { producerId, seq, key } = record;
      const table = tables[p]!;
      if (table.see(seq) > 0) {
        result.duplicates.count++;
        if (result.duplicates.sample.length < sampleSize) result.duplicates.sample.push({ producerId, seq, key, partition, offset });
      } else {
        const at = table.ackedAt(seq);
        if (at === -1) result.unackedPresent++;
        else {
          result.found++;
          if (acked[at]!.key !== key) result.keyMismatches++;
        }
      }
      const perKey = highest[p]!;
      const before = perKey.get(key);
      if (before === undefined || seq > before) perKey.set(key, seq);
      else if (seq < before) {
        result.outOfOrder.count++;
        if (result.outOfOrder.sample.length < sampleSize) {
          result.outOfOrder.sample.push({ producerId, seq, key, partition, offset, afterSeq: before });
        }
      }
    }
  }

  for (const table of tables) {
    for (const index of table.missing()) {
      result.missing.count++;
      const a = acked[index]!;
      if (result.missing.sample.length < sampleSize) result.missing.sample.push({ producerId: a.producerId, seq: a.seq, key: a.key });
    }
  }
  result.lossFree = result.missing.count === 0;
  return result;
}
