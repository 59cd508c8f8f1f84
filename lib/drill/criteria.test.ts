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
