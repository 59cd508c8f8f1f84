// The drill's proof: read the topic back to its end and check every acked
// record against what was read. Kept apart from the run so it can be read (and
// judged) on its own: an incomplete read proves nothing, and says so.
import { readTopicToEnd } from "@/lib/kafka/consumer-readback";
import { decodeDrillRecord } from "./record";
import { verifyDrill, type AckedRecord, type ConsumedRecord, type VerifyResult } from "./verify";

export interface ReadBackInput {
  bootstrap: readonly string[];
  topic: string;
  groupId: string;
  /** Records of this producer id are the warm-up's: neither ours to verify nor foreign. */
  warmupId: string;
  producerIds: readonly string[];
  acked: readonly AckedRecord[];
  timeoutMs?: number;
}

export interface ReadBackOutcome {
  /** null when the read-back could not finish: loss is then unproven, not disproven. */
  verify: VerifyResult | null;
  /** Why there is no verdict, for the report's notes. */
  note: string | null;
  read: number;
  ms: number;
}

export async function readBackAndVerify(input: ReadBackInput): Promise<ReadBackOutcome> {
  const ours = new Set(input.producerIds);
  const consumed: ConsumedRecord[] = [];
  let foreign = 0;
  try {
    const r = await readTopicToEnd({
      bootstrap: input.bootstrap,
      topic: input.topic,
      groupId: input.groupId,
      timeoutMs: input.timeoutMs ?? 60_000,
      onRecord: (partition, offset, value) => {
        const d = decodeDrillRecord(value);
        if (d.ok && d.value.producerId === input.warmupId) return;
        if (!d.ok) consumed.push({ partition, offset, record: null });
        else if (ours.has(d.value.producerId)) consumed.push({ partition, offset, record: d.value });
        else foreign++; // an earlier run's record: counted, not kept
      },
    });
    if (!r.complete) {
      const note = `verifier ran out of time after ${(r.ms / 1000).toFixed(0)} s before the end of partitions ${r.unfinished.join(", ")}: loss unproven`;
      return { verify: null, note, read: r.read, ms: r.ms };
    }
    const verify = verifyDrill({ acked: input.acked, consumed, producerIds: input.producerIds });
    verify.foreign = foreign;
    return { verify, note: null, read: r.read, ms: r.ms };
  } catch (err) {
    return { verify: null, note: `verifier failed: ${err instanceof Error ? err.message : String(err)}`, read: 0, ms: 0 };
  }
}
