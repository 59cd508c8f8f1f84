import { describe, expect, it } from "vitest";
import { parseTrafficCliArgs } from "./cli-args";
import { DEFAULT_TRAFFIC_MIX, eventBudget, parseTrafficAction } from "./params";

const DEFAULTS = { rate: 200, durationSec: 120, mix: DEFAULT_TRAFFIC_MIX, failureRate: 0, poisonRate: 0, maxAttempts: 3, retryBackoffMs: 200 };

function refusal(r: ReturnType<typeof parseTrafficAction>): string {
  if (r.ok) throw new Error("expected a refusal");
  return r.error;
}

describe("traffic params", () => {
  it("parses the CLI with defaults and bounds", () => {
    expect(parseTrafficCliArgs([])).toEqual({ ok: true, value: DEFAULTS });
    expect(parseTrafficCliArgs(["--rate", "50", "--duration=10", "--max-events", "7"])).toEqual({ ok: true, value: { ...DEFAULTS, rate: 50, durationSec: 10, maxEvents: 7 } });
    expect(parseTrafficCliArgs(["--failure-rate", "0.01", "--poison-rate=0.002", "--max-attempts", "4", "--backoff-ms", "50", "--mix", "60,30,10"])).toEqual({
      ok: true,
      value: { ...DEFAULTS, failureRate: 0.01, poisonRate: 0.002, maxAttempts: 4, retryBackoffMs: 50, mix: { user_action: 60, content_interaction: 30, system_event: 10 } },
    });
    const bad = parseTrafficCliArgs(["--rate", "0", "--nope", "1"]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/unknown argument '--nope'/);
    const range = parseTrafficCliArgs(["--rate", "99999"]);
    if (range.ok) throw new Error("expected a refusal");
    expect(range.error).toBe("rate must be a whole number from 1 to 20000 events/s (got 99999)");
    const mix = parseTrafficCliArgs(["--mix", "70,25"]);
    if (mix.ok) throw new Error("expected a refusal");
    expect(mix.error).toMatch(/--mix expects three numbers/);
  });

  it("parses API actions", () => {
    expect(parseTrafficAction({ action: "stop" })).toEqual({ ok: true, value: { action: "stop" } });
    expect(parseTrafficAction({ action: "start", rate: 10 })).toEqual({ ok: true, value: { action: "start", params: { ...DEFAULTS, rate: 10 } } });
    expect(parseTrafficAction({ action: "set", failureRate: 0.05 })).toEqual({ ok: true, value: { action: "set", adjust: { failureRate: 0.05 } } });
    expect(refusal(parseTrafficAction({ action: "go" }))).toBe('action must be "start", "stop" or "set"');
    expect(refusal(parseTrafficAction(null))).toBe('action must be "start", "stop" or "set"');
    expect(refusal(parseTrafficAction({ action: "start", durationSec: 0 }))).toMatch(/^duration must be a whole number/);
    expect(refusal(parseTrafficAction({ action: "stop", rate: 5 }))).toBe("stop takes no other field (got rate)");
  });

  it("refuses bad failure settings, mixes and unknown fields with a sentence each", () => {
    expect(refusal(parseTrafficAction({ action: "start", failureRate: 2 }))).toBe("failureRate must be a fraction from 0 to 0.5 (50 %) (got 2)");
    expect(refusal(parseTrafficAction({ action: "start", poisonRate: -0.1 }))).toMatch(/^poisonRate must be a fraction from 0 to 0.1/);
    expect(refusal(parseTrafficAction({ action: "start", mix: { user_action: 50, content_interaction: 25, system_event: 5 } }))).toBe("mix must add up to 100 % (got 80 %)");
    expect(refusal(parseTrafficAction({ action: "start", mix: "70/25/5" }))).toMatch(/mix must be an object/);
    expect(refusal(parseTrafficAction({ action: "start", maxAttempts: 0 }))).toMatch(/^maxAttempts must be a whole number from 1 to 10/);
    expect(refusal(parseTrafficAction({ action: "start", turbo: true }))).toMatch(/turbo/);
    expect(refusal(parseTrafficAction({ action: "set" }))).toBe("set needs at least one of rate, mix, failureRate, poisonRate");
    expect(refusal(parseTrafficAction({ action: "set", durationSec: 5 }))).toMatch(/durationSec/);
  });

  it("bounds the event count by both limits", () => {
    expect(eventBudget({ rate: 10, durationSec: 5 })).toBe(50);
    expect(eventBudget({ rate: 10, durationSec: 5, maxEvents: 7 })).toBe(7);
  });
});
