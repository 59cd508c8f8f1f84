import { describe, expect, it } from "vitest";
import { parseDrillParams, type DrillParams } from "./params";
import { planScenario, type PlanContext } from "./scenarios";

const params = (input: Record<string, unknown>): DrillParams => {
  const p = parseDrillParams(input);
  if (!p.ok) throw new Error(p.error);
  return p.value;
};
// Broker 2 leads 3 drill partitions, 1 leads 2, 3 leads 1; 3 is the active controller.
const ctx: PlanContext = { brokerIds: [1, 2, 3], controllerId: 3, leaders: new Map([[0, 2], [1, 2], [2, 2], [3, 1], [4, 1], [5, 3]]) };
const brief = (p: DrillParams, c = ctx) => {
  const plan = planScenario(p, c);
  if (!plan.ok) throw new Error(plan.reason);
  return plan.steps.map((s) => [s.kind, s.action, s.brokerId, s.atSec, s.waitBackInIsr]);
};

describe("planScenario", () => {
  it("single: breaks the busiest leader at kill-at and brings it back at restart-at", () => {
    expect(brief(params({ killAtSec: 10, restartAtSec: 30, mode: "pause" }))).toEqual([
      ["break", "pause", 2, 10, false],
      ["restore", "resume", 2, 30, false],
    ]);
    expect(brief(params({ killAtSec: 10, mode: "partition", broker: 1 }))).toEqual([["break", "partition", 1, 10, false]]);
  });

  it("controller-failover: breaks whoever is the active controller, not the busiest leader", () => {
    const steps = planScenario(params({ scenario: "controller-failover", killAtSec: 10, restartAtSec: 20 }), ctx);
    expect(steps.ok && steps.steps.map((s) => [s.action, s.brokerId])).toEqual([["kill", 3], ["start", 3]]);
    expect(steps.ok && steps.steps[0]!.label).toBe("kill broker 3 (the active controller) at 10 s");
    expect(planScenario(params({ scenario: "controller-failover" }), { ...ctx, controllerId: null })).toEqual({
      ok: false,
      reason: "no active controller to break: the KRaft quorum has no leader",
    });
  });

  it("rolling-restart: every broker once, the controller last, each after the previous is back in every ISR", () => {
    expect(brief(params({ scenario: "rolling-restart", killAtSec: 5, durationSec: 300 }))).toEqual([
      ["restart", "restart", 1, 5, true],
      ["restart", "restart", 2, null, true],
      ["restart", "restart", 3, null, true],
    ]);
    // Any size: nine brokers, controller 4.
    const nine = brief(params({ scenario: "rolling-restart" }), { brokerIds: [9, 8, 7, 6, 5, 4, 3, 2, 1], controllerId: 4, leaders: new Map() });
    expect(nine.map((s) => s[2])).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 4]);
  });

  it("cascade: a second broker (the busiest of the rest) while the first is down; the last broken comes back first", () => {
    expect(brief(params({ scenario: "cascade", killAtSec: 10, secondAtSec: 15, restartAtSec: 30 }))).toEqual([
      ["break", "kill", 2, 10, false],
      ["break", "kill", 1, 15, false],
      ["restore", "start", 1, 30, false],
      ["restore", "start", 2, 30, false],
    ]);
    // second-at defaults to halfway.
    expect(brief(params({ scenario: "cascade", killAtSec: 10, restartAtSec: 30, mode: "stop" }))[1]).toEqual(["break", "stop", 1, 20, false]);
    expect(planScenario(params({ scenario: "cascade", restartAtSec: 40 }), { ...ctx, brokerIds: [2] })).toEqual({ ok: false, reason: "cascade needs a second broker" });
  });

  it("refuses what cannot be planned, with the reason", () => {
    expect(planScenario(params({ broker: 7 }), ctx)).toEqual({ ok: false, reason: "broker 7 is not one of 1, 2, 3" });
    expect(planScenario(params({}), { ...ctx, leaders: new Map([[0, -1]]) })).toEqual({ ok: false, reason: "no broker leads a partition of streamsocial_drill" });
  });
});

describe("scenario parameters", () => {
  const refusal = (input: Record<string, unknown>) => {
    const r = parseDrillParams(input);
    if (r.ok) throw new Error(`expected a refusal for ${JSON.stringify(input)}`);
    return r.error;
  };
  it("names what each scenario does not take", () => {
    expect(refusal({ scenario: "controller-failover", broker: 2 })).toBe("broker 2 does not apply to controller-failover: it breaks the active controller (leave broker out)");
    expect(refusal({ scenario: "rolling-restart", restartAtSec: 40 })).toBe("restart-at does not apply to rolling-restart: each broker is restarted at once (stop, start)");
    expect(refusal({ scenario: "rolling-restart", mode: "pause" })).toBe("mode pause does not apply to rolling-restart: each broker is restarted gracefully");
    expect(refusal({ scenario: "single", secondAtSec: 30 })).toBe("second-at is for --scenario cascade only (scenario is single)");
    expect(refusal({ scenario: "cascade" })).toBe("restart-at is needed by cascade: both brokers come back then");
    expect(refusal({ scenario: "cascade", killAtSec: 10, secondAtSec: 10, restartAtSec: 30 })).toBe("second-at (10 s) must be after kill-at (10 s)");
    expect(refusal({ scenario: "cascade", killAtSec: 10, secondAtSec: 30, restartAtSec: 30 })).toBe("second-at (30 s) must be before restart-at (30 s): the first broker is still down then");
  });
});
