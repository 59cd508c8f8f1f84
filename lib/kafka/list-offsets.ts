// ListOffsets v9 (latest offset of every partition a broker leads), written and
// read by hand. The monitor sends it to every leader every second; through the
// library's generic codec a 10,000-partition poll cost ~30 ms to encode (a
// BigInt per timestamp through a chunked buffer) and ~20 ms to decode (two
// BigInts and an object per partition), plus the garbage. Here the request is
// one Buffer and the answer goes straight into the high-watermark table.
import { Writer, type Connection } from "@platformatic/kafka";
import type { Reader } from "@platformatic/kafka";

const API_KEY = 2;
const API_VERSION = 9;

function uvarintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

function writeUvarint(buf: Buffer, at: number, n: number): number {
  while (n >= 0x80) {
    buf[at++] = (n & 0x7f) | 0x80;
    n = Math.floor(n / 128);
  }
  buf[at++] = n;
  return at;
}

function readUvarint(buf: Buffer, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = buf[at++] as number;
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, at];
    shift += 7;
  }
}

function skipTaggedFields(buf: Buffer, at: number): number {
  if (buf[at] === 0) return at + 1; // none: the common case, without a tuple per call
  let [count, pos] = readUvarint(buf, at);
  for (; count > 0; count--) {
    [, pos] = readUvarint(buf, pos); // tag
    const [size, next] = readUvarint(buf, pos);
    pos = next + size;
  }
  return pos;
}

/** The request body: latest offset (timestamp -1) of each partition, any leader epoch. */
export function encodeListOffsets(topics: ReadonlyMap<string, readonly number[]>): Buffer {
  const names = [...topics.keys()].map((t) => Buffer.from(t, "utf8"));
  let size = 4 + 1 + uvarintSize(topics.size + 1) + 1;
  let i = 0;
  for (const partitions of topics.values()) {
    const name = names[i++] as Buffer;
    size += uvarintSize(name.length + 1) + name.length + uvarintSize(partitions.length + 1) + partitions.length * 17 + 1;
  }
  const buf = Buffer.allocUnsafe(size);
  let at = buf.writeInt32BE(-1, 0); // replica_id: a client
  at = buf.writeInt8(0, at); // isolation_level: read uncommitted (the high watermark)
  at = writeUvarint(buf, at, topics.size + 1);
  i = 0;
  for (const partitions of topics.values()) {
    const name = names[i++] as Buffer;
    at = writeUvarint(buf, at, name.length + 1);
    at += name.copy(buf, at);
    at = writeUvarint(buf, at, partitions.length + 1);
    for (const p of partitions) {
      at = buf.writeInt32BE(p, at);
      at = buf.writeInt32BE(-1, at); // current_leader_epoch: unknown
      at = buf.writeInt32BE(-1, at); // timestamp -1 (latest), as a 64-bit -1
      at = buf.writeInt32BE(-1, at);
      buf[at++] = 0; // no tagged fields
    }
    buf[at++] = 0;
  }
  buf[at++] = 0;
  return buf;
}

/**
 * Adds each partition's offset to `out` (topic → partition → offset); partitions
 * answered with an error, or an offset beyond 2^53, are left out.
 */
export function decodeListOffsets(buf: Buffer, start: number, out: Record<string, Record<number, number>>): void {
  let at = start + 4; // throttle_time_ms
  let [topics, pos] = readUvarint(buf, at);
  at = pos;
  for (let t = 1; t < topics; t++) {
    const [nameLen, p1] = readUvarint(buf, at);
    const name = buf.toString("utf8", p1, p1 + nameLen - 1);
    at = p1 + nameLen - 1;
    let [partitions, p2] = readUvarint(buf, at);
    at = p2;
    // A topic may be named "__proto__": the table is built with own properties only.
    let table = Object.hasOwn(out, name) ? out[name] : undefined;
    if (!table) {
      table = {};
      Object.defineProperty(out, name, { value: table, enumerable: true, writable: true, configurable: true });
    }
    for (; partitions > 1; partitions--) {
      const index = buf.readInt32BE(at);
      const errorCode = buf.readInt16BE(at + 4);
      // timestamp at +6 (8 bytes); offset at +14 (8 bytes); leader_epoch at +22
      const hi = buf.readInt32BE(at + 14);
      const lo = buf.readUInt32BE(at + 18);
      at = skipTaggedFields(buf, at + 26);
      if (errorCode !== 0 || hi < 0 || hi >= 0x200000) continue;
      table[index] = hi * 0x1_0000_0000 + lo;
    }
    at = skipTaggedFields(buf, at);
  }
}

/** One ListOffsets round trip on `c`; the offsets land in `out`. */
export function listLatestOffsets(c: Connection, topics: ReadonlyMap<string, readonly number[]>, out: Record<string, Record<number, number>>): Promise<void> {
  return new Promise((resolve, reject) => {
    c.send(
      API_KEY,
      API_VERSION,
      () => Writer.create().append(encodeListOffsets(topics)),
      (_correlationId: number, _apiKey: number, _apiVersion: number, reader: Reader) => {
        decodeListOffsets(reader.buffer.buffer, reader.position, out);
        return null;
      },
      true,
      true,
      (err: unknown) => (err ? reject(err) : resolve()),
    );
  });
}
