// The lesson's success metrics as explicit checks: zero data loss, recovery in
// under 30 s, throughput degradation under 50 %. A figure that could not be
// measured (null) fails its check: an unproven drill is not a passed one.
// Scenarios change what is asked: a rolling restart must also restart every
// broker exactly once, in turn; a cascade is an outage on purpose, so instead of
// degradation it must show that writes were refused while both brokers were
// down, and its recovery counts from their return.

export const CRITERIA_LIMITS = { lostRecords: 0, recoverySec: 30, degradationPct: 50 } as const;

export interface CriterionCheck {
  name: string;
  /** null when it could not be measured. */
  value: number | null;
  limit: number;
  unit: string;
  /** How value must relate to limit, for display. */
  rule: "=" | "<" | ">";
  passed: boolean;
}

export interface CriteriaResult {
  passed: boolean;
  checks: CriterionCheck[];
}

/** The parts of a report the criteria read (structural, so report.ts can depend on this file). */
export interface CriteriaInput {
  figures: { recoveryMs: number | null; degradationPct: number | null };
  verify: { missing: { count: number } } | null;
  /** Scenario checks beyond the lesson's three (see scenarioChecks). */
  scenario?: ScenarioFacts;
}

export type ScenarioFacts =
  | { kind: "rolling-restart"; brokers: number; restartedInTurn: number }
  | { kind: "cascade"; refusedAttempts: number; acksPerSecBothDown: number | null; baselineAcksPerSec: number | null; recoveryAfterReturnMs: number | null };

/** In the double outage, at most this share of the baseline may still be acknowledged. */
export const CASCADE_MAX_SHARE = 0.1;

const lessThan = (name: string, value: number | null, limit: number, unit: string): CriterionCheck => ({ name, value, limit, unit, rule: "<", passed: value !== null && value < limit });

export function evaluateCriteria({ figures, verify, scenario }: CriteriaInput): CriteriaResult {
  const lost = verify?.missing.count ?? null;
  const sec = (ms: number | null) => (ms === null ? null : ms / 1000);
  const checks: CriterionCheck[] = [{ name: "zero data loss", value: lost, limit: CRITERIA_LIMITS.lostRecords, unit: "records", rule: "=", passed: lost === CRITERIA_LIMITS.lostRecords }];
  if (scenario?.kind === "cascade") {
    const { acksPerSecBothDown: acks, baselineAcksPerSec: base } = scenario;
    const refused = scenario.refusedAttempts > 0 && acks !== null && base !== null && base > 0 && acks <= CASCADE_MAX_SHARE * base;
    checks.push({ name: "writes refused while both were down", value: scenario.refusedAttempts, limit: 0, unit: "failed attempts", rule: ">", passed: refused });
    checks.push(lessThan("recovery after their return", sec(scenario.recoveryAfterReturnMs), CRITERIA_LIMITS.recoverySec, "s"));
  } else {
    checks.push(lessThan("recovery time", sec(figures.recoveryMs), CRITERIA_LIMITS.recoverySec, "s"));
    checks.push(lessThan("throughput degradation", figures.degradationPct, CRITERIA_LIMITS.degradationPct, "%"));
  }
  if (scenario?.kind === "rolling-restart") {
    checks.push({ name: "every broker restarted once, in turn", value: scenario.restartedInTurn, limit: scenario.brokers, unit: "brokers", rule: "=", passed: scenario.restartedInTurn === scenario.brokers });
  }
  return { passed: checks.every((c) => c.passed), checks };
}

/** "must be 0", "must be < 30 s", "must be > 0 failed attempts". */
export function ruleText(c: CriterionCheck): string {
  return c.rule === "=" ? `must be ${c.limit}` : `must be ${c.rule} ${c.limit} ${c.unit}`;
}
