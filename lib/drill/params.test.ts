import { describe, expect, it } from "vitest";
import { DRILL_TOPIC } from "@/lib/events/topics";
import { MIN_KILL_AT_SEC, parseDrillParams } from "./params";

const base = { rate: 10_000, durationSec: 60, recordBytes: 200, broker: "auto", mode: "kill", killAtSec: 20 };

function refusal(input: unknown): string {
  const r = parseDrillParams(input);
  if (r.ok) throw new Error(`expected a refusal for ${JSON.stringify(input)}`);
  return r.error;
}
const accepts = (input: unknown) => parseDrillParams(input).ok;

describe("parseDrillParams", () => {
  it("fills the lesson's defaults and the drill topic", () => {
    const r = parseDrillParams({});
    expect(r).toEqual({
      ok: true,
      value: { rate: 10_000, durationSec: 60, recordBytes: 200, broker: "auto", scenario: "single", mode: "kill", killAtSec: 20, topic: DRILL_TOPIC },
    });
  });

  it("keeps a restart and an explicit broker id", () => {
    const r = parseDrillParams({ ...base, broker: 2, mode: "pause", restartAtSec: 40, topic: "my.topic" });
    expect(r.ok && r.value).toMatchObject({ broker: 2, mode: "pause", restartAtSec: 40, topic: "my.topic" });
  });

  it.each([
    ["rate", 1, 50_000, "events/s"],
    ["durationSec", 5, 600, "s"],
    ["recordBytes", 64, 10_000, "bytes"],
  ] as const)("%s accepts %d..%d and refuses one past each end", (field, min, max, unit) => {
    // kill-at must stay before the end, so duration's bounds are tested with an early kill.
    const ok = { ...base, killAtSec: MIN_KILL_AT_SEC };
    expect(accepts({ ...ok, [field]: min })).toBe(true);
    expect(accepts({ ...ok, [field]: max })).toBe(true);
    expect(refusal({ ...ok, [field]: min - 1 })).toMatch(new RegExp(`from ${min} to ${max} ${unit} \\(got ${min - 1}\\)`));
    expect(refusal({ ...ok, [field]: max + 1 })).toMatch(new RegExp(`\\(got ${max + 1}\\)$`));
    expect(refusal({ ...ok, [field]: min + 0.5 })).toMatch(/must be a whole number/);
    expect(refusal({ ...ok, [field]: "100" })).toMatch(/must be a number/);
  });

  it("says which field by the name the operator knows", () => {
    expect(refusal({ ...base, rate: 0 })).toBe("rate must be a whole number from 1 to 50000 events/s (got 0)");
    expect(refusal({ ...base, durationSec: 4, killAtSec: 3 })).toBe("duration must be a whole number from 5 to 600 s (got 4)");
    expect(refusal({ ...base, recordBytes: 63 })).toBe("record-bytes must be a whole number from 64 to 10000 bytes (got 63)");
  });

  it("kill-at must be before the end of the drill, and leave a baseline", () => {
    expect(accepts({ ...base, killAtSec: 59 })).toBe(true);
    expect(refusal({ ...base, killAtSec: 60 })).toBe("kill-at (60 s) must be before the end of the drill (60 s)");
    expect(refusal({ ...base, killAtSec: 70 })).toBe("kill-at (70 s) must be before the end of the drill (60 s)");
    expect(accepts({ ...base, killAtSec: MIN_KILL_AT_SEC })).toBe(true);
    expect(refusal({ ...base, killAtSec: MIN_KILL_AT_SEC - 1 })).toMatch(/^kill-at must be a whole number from 3 to 600 s/);
  });

  it("restart-at must be after kill-at and no later than the end", () => {
    expect(accepts({ ...base, restartAtSec: 21 })).toBe(true);
    expect(accepts({ ...base, restartAtSec: 60 })).toBe(true);
    expect(refusal({ ...base, restartAtSec: 20 })).toBe("restart-at (20 s) must be after kill-at (20 s)");
    expect(refusal({ ...base, restartAtSec: 15 })).toBe("restart-at (15 s) must be after kill-at (20 s)");
    expect(refusal({ ...base, restartAtSec: 61 })).toBe("restart-at (61 s) must be no later than the end of the drill (60 s)");
    expect(refusal({ ...base, restartAtSec: 0 })).toMatch(/^restart-at must be a whole number from 1/);
  });

  it("gives one message per mistake, not a cascade", () => {
    const r = parseDrillParams({ ...base, durationSec: 1000, killAtSec: 700 });
    expect(r.ok === false && r.issues).toEqual(["duration must be a whole number from 5 to 600 s (got 1000)", "kill-at must be a whole number from 3 to 600 s (got 700)"]);
  });

  it("broker is auto, controller or a positive whole id", () => {
    for (const broker of ["auto", "controller", 1, 42]) expect(accepts({ ...base, broker })).toBe(true);
    for (const broker of [0, -1, 1.5, "2", "leader", null]) {
      expect(refusal({ ...base, broker })).toMatch(/^broker must be auto, controller or a broker id/);
    }
  });

  it("mode is kill, stop, pause, partition, isolate or slow", () => {
    for (const mode of ["kill", "stop", "pause", "partition", "isolate", "slow"]) expect(accepts({ ...base, mode })).toBe(true);
    expect(refusal({ ...base, mode: "nuke" })).toBe("mode must be one of kill | stop | pause | partition | isolate | slow");
  });

  it("delay-ms is for slow only, whole ms from 1 to 10000", () => {
    expect(accepts({ ...base, mode: "slow", delayMs: 200 })).toBe(true);
    expect(accepts({ ...base, mode: "slow" })).toBe(true);
    expect(refusal({ ...base, mode: "kill", delayMs: 200 })).toBe("delay-ms is for --mode slow only (mode is kill)");
    for (const delayMs of [0, 1.5, 10_001]) expect(refusal({ ...base, mode: "slow", delayMs })).toMatch(/^delay-ms must be a whole number from 1 to 10000 ms/);
  });

  it("refuses bad topic names and unknown fields", () => {
    expect(refusal({ ...base, topic: "" })).toMatch(/^topic must be 1-249 characters/);
    expect(refusal({ ...base, topic: "a b" })).toMatch(/^topic must be/);
    expect(accepts({ ...base, topic: "x".repeat(249) })).toBe(true);
    expect(refusal({ ...base, topic: "x".repeat(250) })).toMatch(/^topic must be/);
    expect(refusal({ ...base, rat: 5 })).toBe('Unrecognized key: "rat"');
    expect(refusal(null)).toBeTruthy();
  });
});
