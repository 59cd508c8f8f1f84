import { describe, expect, it } from "vitest";
import { mergeGroups, withLag, type GroupOffsets } from "./group-sampler";

const offsets = (offset: string): GroupOffsets["offsets"] => [{ topic: "t", partitions: [{ partition: 0, offset }, { partition: 1, offset }] }];

describe("mergeGroups: one fetch's consumer groups", () => {
  const described = [{ groupId: "a", state: "Stable", members: [{}, {}] }, { groupId: "b", state: "Empty", members: [] }];

  it("takes state, members and offsets from the fetch", () => {
    expect(mergeGroups(["a", "b"], described, [offsets("5"), offsets("7")], null)).toEqual([
      { groupId: "a", state: "Stable", members: 2, offsets: offsets("5") },
      { groupId: "b", state: "Empty", members: 0, offsets: offsets("7") },
    ]);
  });

  it("keeps a group's last offsets when they could not be fetched, instead of none (lag 0)", () => {
    const last: GroupOffsets[] = [{ groupId: "b", state: "Empty", members: 0, offsets: offsets("3") }];
    const merged = mergeGroups(["a", "b"], described, [offsets("5"), null], last);
    expect(merged[1]?.offsets).toEqual(offsets("3"));
    expect(withLag(merged, { t: { 0: 10, 1: 10 } })?.map((g) => g.totalLag)).toEqual([10, 14]);
  });

  it("has no offsets for a group never fetched, and calls a group gone since the list Unknown", () => {
    expect(mergeGroups(["c"], described, [null], null)).toEqual([{ groupId: "c", state: "Unknown", members: 0, offsets: [] }]);
  });
});
