import { describe, expect, it } from "vitest";
import { actionEntry } from "./action-entry";
import { T0 } from "./test-data";
import { initialTimelineState } from "./timeline";

describe("actionEntry", () => {
  it("records a successful action and takes the next id", () => {
    const state = initialTimelineState(7);
    const r = actionEntry(state, T0, 2, "kill", { ok: true, status: "exited" });
    expect(r.entry).toEqual({
      id: 7,
      at: T0,
      kind: "action",
      severity: "info",
      brokerId: 2,
      message: "operator: kill broker 2 (now exited)",
    });
    expect(r.state.nextId).toBe(8);
    expect(state.nextId).toBe(7);
  });

  it("names a slow fault's delay", () => {
    const r = actionEntry(initialTimelineState(), T0, 2, "slow", { ok: true, status: "running" }, { slow: { delayMs: 200, jitterMs: 50 } });
    expect(r.entry.message).toBe("operator: slow broker 2 by 200 ms ± 50 ms (now running)");
  });

  it("records a failed action as a warning", () => {
    const r = actionEntry(initialTimelineState(), T0, 3, "resume", { ok: false, error: "broker 3 is not paused" });
    expect(r.entry).toMatchObject({ severity: "warn", message: "operator: resume broker 3 failed: broker 3 is not paused" });
  });
});
