import { describe, expect, it } from "vitest";
import { evaluateCriteria } from "./criteria";

const ok = { recoveryMs: 12_000, degradationPct: 35 };
const none = { missing: { count: 0 } };

describe("evaluateCriteria", () => {
  it("passes when every check holds", () => {
    expect(evaluateCriteria({ figures: ok, verify: none })).toEqual({
      passed: true,
      checks: [
        { name: "zero data loss", value: 0, limit: 0, unit: "records", rule: "=", passed: true },
        { name: "recovery time", value: 12, limit: 30, unit: "s", rule: "<", passed: true },
        { name: "throughput degradation", value: 35, limit: 50, unit: "%", rule: "<", passed: true },
      ],
    });
  });

  it("fails on one lost record", () => {
    const r = evaluateCriteria({ figures: ok, verify: { missing: { count: 1 } } });
    expect(r.passed).toBe(false);
    expect(r.checks[0]).toMatchObject({ value: 1, passed: false });
  });

  it("treats the limits as strict: 30 s and 50 % fail, just under passes", () => {
    expect(evaluateCriteria({ figures: { recoveryMs: 30_000, degradationPct: 50 }, verify: none }).checks.map((c) => c.passed)).toEqual([true, false, false]);
    expect(evaluateCriteria({ figures: { recoveryMs: 29_999, degradationPct: 49.9 }, verify: none }).passed).toBe(true);
  });

  it("fails what could not be measured: no verifier, no recovery, no degradation", () => {
    const r = evaluateCriteria({ figures: { recoveryMs: null, degradationPct: null }, verify: null });
    expect(r.passed).toBe(false);
    expect(r.checks.map((c) => [c.value, c.passed])).toEqual([[null, false], [null, false], [null, false]]);
  });
});

describe("scenario criteria", () => {
  it("a rolling restart must restart every broker once, in turn", () => {
    const r = evaluateCriteria({ figures: ok, verify: none, scenario: { kind: "rolling-restart", brokers: 3, restartedInTurn: 2 } });
    expect(r.passed).toBe(false);
    expect(r.checks.at(-1)).toEqual({ name: "every broker restarted once, in turn", value: 2, limit: 3, unit: "brokers", rule: "=", passed: false });
    expect(evaluateCriteria({ figures: ok, verify: none, scenario: { kind: "rolling-restart", brokers: 3, restartedInTurn: 3 } }).passed).toBe(true);
  });

  it("a cascade must refuse writes while both are down, and recover after their return; degradation is not asked", () => {
    const facts = { kind: "cascade" as const, refusedAttempts: 120, acksPerSecBothDown: 50, baselineAcksPerSec: 2000, recoveryAfterReturnMs: 12_000 };
    const r = evaluateCriteria({ figures: { recoveryMs: null, degradationPct: 95 }, verify: none, scenario: facts });
    expect(r.checks.map((c) => [c.name, c.passed])).toEqual([
      ["zero data loss", true],
      ["writes refused while both were down", true],
      ["recovery after their return", true],
    ]);
    // Writes still acknowledged at more than 10 % of the baseline: the outage did not happen as claimed.
    expect(evaluateCriteria({ figures: ok, verify: none, scenario: { ...facts, acksPerSecBothDown: 201 } }).passed).toBe(false);
    expect(evaluateCriteria({ figures: ok, verify: none, scenario: { ...facts, refusedAttempts: 0 } }).passed).toBe(false);
  });
});
