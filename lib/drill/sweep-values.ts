// What a session-timeout sweep accepts (pure: the CLI checks it before anything restarts).
import { SWEEP_LIMITS } from "./sweep-report";

/** Refusals for a sweep's values, in the operator's words; empty when fine. */
export function sweepValueIssues(values: readonly number[]): string[] {
  const out: string[] = [];
  if (values.length === 0) out.push("give at least one session timeout, e.g. 3000,6000,9000");
  if (values.length > SWEEP_LIMITS.maxValues) out.push(`at most ${SWEEP_LIMITS.maxValues} values (got ${values.length})`);
  for (const v of values) {
    if (!Number.isInteger(v) || v < SWEEP_LIMITS.min || v > SWEEP_LIMITS.max) out.push(`session timeout ${v} must be a whole number of ms from ${SWEEP_LIMITS.min} to ${SWEEP_LIMITS.max}`);
  }
  if (new Set(values).size !== values.length) out.push("each value once");
  return out;
}
