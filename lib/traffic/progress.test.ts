import { describe, expect, it } from "vitest";
import { PartitionProgress, Progress } from "./progress";

describe("PartitionProgress", () => {
  it("skips records handed over again, and only those", () => {
    const p = new PartitionProgress();
    for (const o of [100, 101, 103]) p.finish(o); // 102 failed: its retry write is still out
    expect([100, 101, 102, 103].map((o) => p.isFinished(o))).toEqual([true, true, false, true]);
    // The batch is delivered again (the write failed): 102 is done this time.
    p.finish(102);
    p.finishUpTo(103);
    expect(p.pending).toBe(0);
    expect(p.isFinished(99)).toBe(true);
    expect(p.isFinished(104)).toBe(false);
  });

  it("never moves back", () => {
    const p = new PartitionProgress();
    p.finishUpTo(50);
    p.finishUpTo(10);
    expect(p.isFinished(50)).toBe(true);
    p.finish(20); // below the watermark: nothing kept
    expect(p.pending).toBe(0);
  });

  it("keeps one per topic and partition", () => {
    const all = new Progress();
    all.of("a", 0).finish(5);
    expect(all.of("a", 0).isFinished(5)).toBe(true);
    expect(all.of("a", 1).isFinished(5)).toBe(false);
    expect(all.of("b", 0).isFinished(5)).toBe(false);
  });
});
