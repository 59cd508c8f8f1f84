// The drill record: who sent it (producerId), its place in that producer's
// stream (seq), its key and when it was sent. A compact text line rather than
// JSON, because the verifier decodes hundreds of thousands of them and because
// the smallest record size (64 bytes) must still fit:
//
//   ssd1|<producerId>|<seq>|<key>|<sentAt>|<padding>
//
// The version tag makes records from another tool or format fail loudly.
import { fail, ok, type Parsed } from "@/lib/events/validation";

export const RECORD_MAGIC = "ssd1";
/** Ids and keys go between separators, so they may not contain one. */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;
const WHOLE = /^(0|[1-9]\d{0,15})$/;

export interface DrillRecord {
  producerId: string;
  /** Per producer, 0, 1, 2, ... in send order. */
  seq: number;
  key: string;
  /** Epoch ms when the producer handed the record to the client. */
  sentAt: number;
}

const isWhole = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** Encodes, padding with dots to `sizeBytes` when given. Throws on a record we could not decode back. */
export function encodeDrillRecord(record: DrillRecord, sizeBytes = 0): string {
  const { producerId, seq, key, sentAt } = record;
  if (!RECORD_ID_PATTERN.test(producerId)) throw new RangeError(`producerId '${producerId}' must match ${RECORD_ID_PATTERN}`);
  if (!RECORD_ID_PATTERN.test(key)) throw new RangeError(`key '${key}' must match ${RECORD_ID_PATTERN}`);
  if (!isWhole(seq)) throw new RangeError(`seq must be a whole number >= 0 (got ${seq})`);
  if (!isWhole(sentAt)) throw new RangeError(`sentAt must be whole epoch ms (got ${sentAt})`);
  const head = `${RECORD_MAGIC}|${producerId}|${seq}|${key}|${sentAt}|`;
  // All ASCII, so characters are bytes.
  return sizeBytes > head.length ? head + ".".repeat(sizeBytes - head.length) : head;
}

const text = new TextDecoder("utf-8");

function preview(s: string): string {
  return JSON.stringify(s.length > 24 ? `${s.slice(0, 24)}…` : s);
}

/** Decodes a Kafka value. Never throws: garbage comes back as a reason. */
export function decodeDrillRecord(value: string | Uint8Array | null | undefined): Parsed<DrillRecord> {
  if (value == null || value.length === 0) return fail(["drill record is empty"]);
  const s = typeof value === "string" ? value : text.decode(value);
  const parts = s.split("|", 7);
  if (parts[0] !== RECORD_MAGIC) return fail([`not a drill record (expected ${RECORD_MAGIC}|…, got ${preview(s)})`]);
  if (parts.length !== 6) {
    const count = parts.length > 6 ? "more than 6" : String(parts.length);
    return fail([`drill record has ${count} fields, expected 6: ${preview(s)}`]);
  }
  const [, producerId = "", seqText = "", key = "", sentAtText = ""] = parts;
  const issues: string[] = [];
  if (!RECORD_ID_PATTERN.test(producerId)) issues.push(`drill record producerId ${preview(producerId)} is not valid`);
  if (!WHOLE.test(seqText) || !isWhole(Number(seqText))) issues.push(`drill record seq ${preview(seqText)} is not a whole number >= 0`);
  if (!RECORD_ID_PATTERN.test(key)) issues.push(`drill record key ${preview(key)} is not valid`);
  if (!WHOLE.test(sentAtText) || !isWhole(Number(sentAtText))) issues.push(`drill record sentAt ${preview(sentAtText)} is not epoch ms`);
  if (issues.length > 0) return fail(issues);
  return ok({ producerId, seq: Number(seqText), key, sentAt: Number(sentAtText) });
}
