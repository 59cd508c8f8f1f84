import { describe, expect, it } from "vitest";
import { formatDuration, listIds, plural } from "./words";

describe("words", () => {
  it("pluralises", () => {
    expect(plural(1, "partition")).toBe("1 partition");
    expect(plural(0, "partition")).toBe("0 partitions");
  });

  it("lists a few ids and counts the rest", () => {
    expect(listIds([2, 3])).toBe("2, 3");
    expect(listIds([1, 2, 3, 4, 5, 6, 7, 8], 6)).toBe("1, 2, 3, 4, 5, 6 and 2 more");
  });

  it("formats recovery times", () => {
    expect(formatDuration(11_400)).toBe("11.4 s");
    expect(formatDuration(-5)).toBe("0.0 s");
    expect(formatDuration(59_960)).toBe("1 min 0 s");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
    expect(formatDuration(2 * 3600_000 + 60_000 * 3)).toBe("2 h 3 min");
  });
});
