// Operator actions go on the same timeline as the transitions they cause, and
// take their ids from the same counter.
import type { ActionParams, BrokerAction, RuntimeStatus } from "@/lib/model/runtime";
import type { TimelineState } from "./timeline";
import type { TimelineEntry } from "@/lib/model/cluster";

export type ActionOutcome = { ok: true; status: RuntimeStatus } | { ok: false; error: string };

/** The operator's own actions belong on the timeline beside what they caused. */
export function actionEntry(
  state: TimelineState,
  at: number,
  brokerId: number,
  action: BrokerAction,
  outcome: ActionOutcome,
  params: ActionParams = {},
): { entry: TimelineEntry; state: TimelineState } {
  const slow = action === "slow" && params.slow ? ` by ${params.slow.delayMs} ms${params.slow.jitterMs > 0 ? ` ± ${params.slow.jitterMs} ms` : ""}` : "";
  const what = `operator: ${action} broker ${brokerId}${slow}`;
  const entry: TimelineEntry = {
    id: state.nextId,
    at,
    kind: "action",
    brokerId,
    ...(outcome.ok
      ? { severity: "info", message: `${what} (now ${outcome.status})` }
      : { severity: "warn", message: `${what} failed: ${outcome.error}` }),
  };
  return { entry, state: { ...state, nextId: state.nextId + 1 } };
}
