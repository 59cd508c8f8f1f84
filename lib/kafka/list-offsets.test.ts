import { listOffsetsV9, Reader, Writer } from "@platformatic/kafka";
import { describe, expect, it } from "vitest";
import "./wire";
import { decodeListOffsets, encodeListOffsets } from "./list-offsets";

describe("ListOffsets v9 by hand", () => {
  it("encodes the very bytes the library's own codec writes", () => {
    const topics = new Map<string, number[]>([["user_action", [0, 3, 5]], ["ünïcode.topic", [1]], ["t".repeat(200), Array.from({ length: 300 }, (_, i) => i)]]);
    const theirs = listOffsetsV9.createRequest(-1, 0, [...topics].map(([name, ps]) => ({ name, partitions: ps.map((partitionIndex) => ({ partitionIndex, currentLeaderEpoch: -1, timestamp: -1n })) }))).buffer;
    expect(encodeListOffsets(topics).equals(theirs)).toBe(true);
  });

  it("decodes what the library's own parser reads, errors and huge offsets left out", () => {
    const partitions = [
      { index: 0, error: 0, offset: 12_345n },
      { index: 1, error: 6, offset: -1n }, // NOT_LEADER_OR_FOLLOWER
      { index: 2, error: 0, offset: 2n ** 40n + 7n },
      { index: 3, error: 0, offset: 2n ** 60n },
    ];
    const w = Writer.create().appendInt32(0).appendUnsignedVarInt(3);
    for (const name of ["alpha", "__proto__"]) {
      w.appendString(name).appendUnsignedVarInt(partitions.length + 1);
      for (const p of partitions) w.appendInt32(p.index).appendInt16(p.error).appendInt64(-1n).appendInt64(p.offset).appendInt32(5).appendTaggedFields();
      w.appendTaggedFields();
    }
    w.appendTaggedFields();
    const bytes = w.buffer;
    const out: Record<string, Record<number, number>> = {};
    decodeListOffsets(bytes, 0, out);
    expect(Object.keys(out)).toEqual(["alpha", "__proto__"]);
    expect(out.alpha).toEqual({ 0: 12_345, 2: 2 ** 40 + 7 });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    // The library's parser agrees on every partition it reads without error.
    let theirs: { topics: { name: string; partitions: { partitionIndex: number; errorCode: number; offset: bigint }[] }[] } | undefined;
    try {
      theirs = listOffsetsV9.parseResponse(1, 2, 9, Reader.from(bytes)) as typeof theirs;
    } catch (err) {
      theirs = (err as { response: typeof theirs }).response;
    }
    const fromTheirs = theirs!.topics[0]!.partitions.filter((p) => p.errorCode === 0 && p.offset < 2n ** 53n).map((p) => [p.partitionIndex, Number(p.offset)]);
    expect(Object.entries(out.alpha!).map(([k, v]) => [Number(k), v])).toEqual(fromTheirs);
  });
});
