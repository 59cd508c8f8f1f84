import { describe, expect, it } from "vitest";
import { describeLeaderMoves, detectLeaderMoves } from "./leader-moves";
import { part } from "./test-data";

describe("detectLeaderMoves", () => {
  it("lists partitions whose leader changed, ordered by topic and partition", () => {
    const prev = [part("b", 0, 1, [1, 2]), part("a", 1, 2, [2, 1]), part("a", 0, 1, [1, 2]), part("a", 2, 1, [1, 2])];
    const next = [part("b", 0, 2, [1, 2]), part("a", 1, -1, [2, 1]), part("a", 0, 1, [1, 2]), part("a", 2, 2, [1, 2])];
    expect(detectLeaderMoves(prev, next)).toEqual([
      { topic: "a", partition: 1, from: 2, to: -1 },
      { topic: "a", partition: 2, from: 1, to: 2 },
      { topic: "b", partition: 0, from: 1, to: 2 },
    ]);
  });

  it("ignores partitions that exist in only one poll, and empty polls", () => {
    expect(detectLeaderMoves([part("a", 0, 1, [1])], [part("a", 1, 2, [2]), part("new", 0, 3, [3])])).toEqual([]);
    expect(detectLeaderMoves([], [part("a", 0, 1, [1])])).toEqual([]);
    expect(detectLeaderMoves([part("a", 0, 1, [1])], [])).toEqual([]);
  });

  it("does not confuse topic names that end in digits", () => {
    const prev = [part("t-1", 0, 1, [1]), part("t", 10, 1, [1])];
    const next = [part("t-1", 0, 1, [1]), part("t", 10, 2, [2])];
    expect(detectLeaderMoves(prev, next)).toEqual([{ topic: "t", partition: 10, from: 1, to: 2 }]);
  });
});

describe("describeLeaderMoves", () => {
  it("names at most five moves", () => {
    const moves = Array.from({ length: 7 }, (_, i) => ({ topic: "user_action", partition: i, from: 2, to: 1 }));
    expect(describeLeaderMoves(moves)).toBe(
      "7 partition leaders moved: user_action-0 2→1, user_action-1 2→1, user_action-2 2→1, user_action-3 2→1, " +
        "user_action-4 2→1, … (+2 more)",
    );
  });

  it("says none for a lost or absent leader and uses the singular", () => {
    const one = (from: number, to: number) => describeLeaderMoves([{ topic: "t", partition: 0, from, to }]);
    expect(one(3, -1)).toBe("1 partition leader moved: t-0 3→none");
    expect(one(-1, 1)).toBe("1 partition leader moved: t-0 none→1");
  });
});
