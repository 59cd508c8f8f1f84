// A broker's own liveness probe, judged. A refused connection is final at once;
// a single unanswered probe on a 2-core machine under load is not, so a broker
// counts as not answering only after its probe timed out twice in a row (a
// frozen process is caught at once anyway: the runtime says it is paused).
import type { LivenessProbe } from "@/lib/model/cluster";

/** Consecutive timed-out probes before a running broker is called unresponsive. */
export const TIMEOUTS_BEFORE_UNRESPONSIVE = 2;

export function probeFailures(probe: LivenessProbe | undefined, before: number): number {
  if (!probe) return 0;
  return probe.ok ? 0 : before + 1;
}

export function probeAnswered(probe: LivenessProbe, failures: number): boolean {
  if (probe.ok) return true;
  return probe.failure === "timeout" && failures < TIMEOUTS_BEFORE_UNRESPONSIVE;
}
