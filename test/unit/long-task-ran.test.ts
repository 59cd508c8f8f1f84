// The bench's split of a long task into work and waiting (bench/page-long-tasks.ts),
// on a plain CPU profile: only non-idle samples inside the task's window count.
import { describe, expect, it } from "vitest";
import { ranInside } from "@/bench/page-long-tasks";

const nodes = [
  { id: 1, callFrame: { functionName: "(root)" } },
  { id: 2, callFrame: { functionName: "(idle)" } },
  { id: 3, callFrame: { functionName: "render" } },
  { id: 4, callFrame: { functionName: "(program)" } },
];

describe("ranInside", () => {
  it("counts the busy samples (1 ms apart) inside the window, on the page's clock", () => {
    // Profile starts at page time 1000 ms; a sample every 1 ms for 100 ms.
    const samples = Array.from({ length: 100 }, (_, i) => (i >= 20 && i < 50 ? 3 : i >= 50 && i < 60 ? 4 : 2));
    const profile = { nodes, startTime: 5_000_000, samples, timeDeltas: samples.map(() => 1000) };
    // Samples at 1001..1100 ms; busy ones at 1021..1060.
    expect(ranInside(profile, 1000, 1000, 100)).toBe(40);
    expect(ranInside(profile, 1000, 1030, 10)).toBe(11);
    expect(ranInside(profile, 1000, 1070, 30)).toBe(0);
  });

  it("a task the thread waited through has few samples however long it was", () => {
    // One sample, 94 ms after the previous: the thread was not scheduled.
    const profile = { nodes, startTime: 0, samples: [2, 4, 2], timeDeltas: [1000, 94_000, 1000] };
    expect(ranInside(profile, 0, 0, 100)).toBe(1);
  });
});
