// The lesson's success metrics as explicit checks: zero data loss, recovery in
// under 30 s, throughput degradation under 50 %. A figure that could not be
// measured (null) fails its check: an unproven drill is not a passed one.

export const CRITERIA_LIMITS = { lostRecords: 0, recoverySec: 30, degradationPct: 50 } as const;

export interface CriterionCheck {
  name: string;
  /** null when it could not be measured. */
  value: number | null;
  limit: number;
  unit: string;
  /** How value must relate to limit, for display. */
  rule: "=" | "<";
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
}

export function evaluateCriteria({ figures, verify }: CriteriaInput): CriteriaResult {
  const lost = verify?.missing.count ?? null;
  const recoverySec = figures.recoveryMs === null ? null : figures.recoveryMs / 1000;
  const degradation = figures.degradationPct;
  const checks: CriterionCheck[] = [
    { name: "zero data loss", value: lost, limit: CRITERIA_LIMITS.lostRecords, unit: "records", rule: "=", passed: lost === CRITERIA_LIMITS.lostRecords },
    { name: "recovery time", value: recoverySec, limit: CRITERIA_LIMITS.recoverySec, unit: "s", rule: "<", passed: recoverySec !== null && recoverySec < CRITERIA_LIMITS.recoverySec },
    { name: "throughput degradation", value: degradation, limit: CRITERIA_LIMITS.degradationPct, unit: "%", rule: "<", passed: degradation !== null && degradation < CRITERIA_LIMITS.degradationPct },
  ];
  return { passed: checks.every((c) => c.passed), checks };
}
