// A scenario as the steps the drill carries out under load, planned from the
// parameters and the cluster as it is at the first step (who leads what, who is
// the active controller). Pure: the runner executes the plan, tests read it.
import type { BrokerAction } from "@/lib/model/runtime";
import { busiestLeader } from "./leaders";
import { secondAtOf, type DrillMode, type DrillParams } from "./params";

export type StepKind = "break" | "restore" | "restart";

export interface PlannedStep {
  index: number;
  kind: StepKind;
  action: BrokerAction;
  brokerId: number;
  /** Seconds from the start; null: as soon as the previous step's broker is back in every ISR. */
  atSec: number | null;
  /** After this step, the next one waits until this broker is registered and in every ISR it belongs to. */
  waitBackInIsr: boolean;
  label: string;
}

export interface PlanContext {
  brokerIds: readonly number[];
  controllerId: number | null;
  /** partition → leader of the drill topic. */
  leaders: ReadonlyMap<number, number>;
}

export type Plan = { ok: true; steps: PlannedStep[] } | { ok: false; reason: string };

/** The action that undoes a break: a thaw for a freeze, a heal for a network fault, else a start. */
export const restoreOf = (mode: DrillMode): BrokerAction =>
  mode === "pause" ? "resume" : mode === "partition" || mode === "isolate" || mode === "slow" ? "heal" : "start";

const VERB: Partial<Record<BrokerAction, string>> = { kill: "kill", stop: "stop", pause: "freeze", partition: "partition", isolate: "isolate", slow: "slow", start: "start", resume: "thaw", heal: "heal", restart: "restart" };
const label = (action: BrokerAction, id: number, atSec: number | null, why = "") =>
  `${VERB[action] ?? action} broker ${id}${why}${atSec === null ? " once the previous one is back in every ISR" : ` at ${atSec} s`}`;

/** The busiest leader among `candidates`, else the lowest id. */
function pick(candidates: readonly number[], leaders: ReadonlyMap<number, number>): number | null {
  const allowed = new Set(candidates);
  const theirs = new Map([...leaders].filter(([, l]) => allowed.has(l)));
  return busiestLeader(theirs) ?? [...candidates].sort((a, b) => a - b)[0] ?? null;
}

function firstTarget(p: DrillParams, ctx: PlanContext): number | { reason: string } {
  if (p.scenario === "controller-failover" || p.broker === "controller") {
    return ctx.controllerId ?? { reason: "no active controller to break: the KRaft quorum has no leader" };
  }
  if (typeof p.broker === "number") return ctx.brokerIds.includes(p.broker) ? p.broker : { reason: `broker ${p.broker} is not one of ${ctx.brokerIds.join(", ")}` };
  return busiestLeader(ctx.leaders) ?? { reason: `no broker leads a partition of ${p.topic}` };
}

export function planScenario(p: DrillParams, ctx: PlanContext): Plan {
  if (p.scenario === "safety") return { ok: false, reason: "the safety comparison runs its own sequence (lib/drill/safety.ts), not steps under load" };
  if (p.scenario === "rolling-restart") {
    // The active controller last, as Kafka's upgrade notes advise: one controller move, not several.
    const order = [...ctx.brokerIds].sort((a, b) => (a === ctx.controllerId ? 1 : b === ctx.controllerId ? -1 : a - b));
    if (order.length === 0) return { ok: false, reason: "no brokers to restart" };
    return {
      ok: true,
      steps: order.map((id, index) => {
        const atSec = index === 0 ? p.killAtSec : null;
        return { index, kind: "restart", action: "restart", brokerId: id, atSec, waitBackInIsr: true, label: label("restart", id, atSec, id === ctx.controllerId ? " (the active controller)" : "") };
      }),
    };
  }
  const first = firstTarget(p, ctx);
  if (typeof first !== "number") return { ok: false, reason: first.reason };
  const breaks: { id: number; atSec: number; why: string }[] = [{ id: first, atSec: p.killAtSec, why: first === ctx.controllerId ? " (the active controller)" : "" }];
  if (p.scenario === "cascade") {
    const second = pick(ctx.brokerIds.filter((id) => id !== first), ctx.leaders);
    if (second === null) return { ok: false, reason: "cascade needs a second broker" };
    breaks.push({ id: second, atSec: secondAtOf(p), why: " while the first is still down" });
  }
  const steps: PlannedStep[] = breaks.map((b, index) => ({ index, kind: "break", action: p.mode, brokerId: b.id, atSec: b.atSec, waitBackInIsr: false, label: label(p.mode, b.id, b.atSec, b.why) }));
  const restartAt = p.restartAtSec;
  if (restartAt !== undefined) {
    // The last one broken comes back first: on 3 nodes that restores the quorum at once.
    for (const b of [...breaks].reverse()) {
      const action = restoreOf(p.mode);
      steps.push({ index: steps.length, kind: "restore", action, brokerId: b.id, atSec: restartAt, waitBackInIsr: false, label: label(action, b.id, restartAt) });
    }
  }
  return { ok: true, steps };
}
