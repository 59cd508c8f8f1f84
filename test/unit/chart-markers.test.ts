import { describe, expect, it } from "vitest";
import { mergeMarkers } from "@/components/charts/series";

const clock = (ms: number) => `t${ms / 1000}`;

describe("mergeMarkers", () => {
  it("merges actions closer than 1/40 of the span into one marker with a count and every action in its details", () => {
    // A 400 s chart: actions within 10 s of the first of a group merge.
    const m = mergeMarkers(
      [
        { at: 100_000, label: "kill 2" },
        { at: 104_000, label: "start 2" },
        { at: 109_999, label: "pause 3" },
        { at: 110_000, label: "resume 3" },
        { at: 300_000, label: "stop 1" },
      ],
      0,
      400_000,
      clock,
    );
    expect(m).toEqual([
      { at: 100_000, label: "kill 2 +2", details: ["t100 kill 2", "t104 start 2", "t109.999 pause 3"] },
      { at: 110_000, label: "resume 3" },
      { at: 300_000, label: "stop 1" },
    ]);
  });

  it("keeps markers apart when they are far enough apart, in time order", () => {
    const m = mergeMarkers([{ at: 50_000, label: "b" }, { at: 10_000, label: "a" }], 0, 60_000, clock);
    expect(m.map((x) => x.label)).toEqual(["a", "b"]);
    expect(mergeMarkers([], 0, 1, clock)).toEqual([]);
  });
});
