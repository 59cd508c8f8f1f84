import { describe, expect, it } from "vitest";
import { eventBudget, parseTrafficAction, parseTrafficCliArgs } from "./params";

describe("traffic params", () => {
  it("parses the CLI with defaults and bounds", () => {
    expect(parseTrafficCliArgs([])).toEqual({ ok: true, value: { rate: 200, durationSec: 120 } });
    expect(parseTrafficCliArgs(["--rate", "50", "--duration=10", "--max-events", "7"])).toEqual({ ok: true, value: { rate: 50, durationSec: 10, maxEvents: 7 } });
    const bad = parseTrafficCliArgs(["--rate", "0", "--nope", "1"]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/unknown argument '--nope'/);
    const range = parseTrafficCliArgs(["--rate", "99999"]);
    if (range.ok) throw new Error("expected a refusal");
    expect(range.error).toBe("rate must be a whole number from 1 to 5000 events/s (got 99999)");
  });

  it("parses API actions", () => {
    expect(parseTrafficAction({ action: "stop" })).toEqual({ ok: true, value: { action: "stop" } });
    expect(parseTrafficAction({ action: "start", rate: 10 })).toEqual({ ok: true, value: { action: "start", params: { rate: 10, durationSec: 120 } } });
    expect(parseTrafficAction({ action: "go" }).ok).toBe(false);
    const r = parseTrafficAction({ action: "start", durationSec: 0 });
    if (r.ok) throw new Error("expected a refusal");
    expect(r.error).toMatch(/^duration must be a whole number/);
  });

  it("bounds the event count by both limits", () => {
    expect(eventBudget({ rate: 10, durationSec: 5 })).toBe(50);
    expect(eventBudget({ rate: 10, durationSec: 5, maxEvents: 7 })).toBe(7);
  });
});
