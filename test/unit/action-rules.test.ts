import { describe, expect, it } from "vitest";
import { actionButtons } from "@/components/overview/action-rules";
import type { BrokerView, RuntimeInfo } from "@/lib/model/cluster";
import type { BrokerProcess } from "@/lib/model/runtime";

const broker = (runtime: BrokerProcess) => ({ id: 2, runtime }) as unknown as BrokerView;
const rt = (faults: RuntimeInfo["faults"]): RuntimeInfo => ({ kind: "local", available: true, reason: null, faults });
const ctx = (runtime: RuntimeInfo) => ({ runtime, serverDown: false, busy: false });
const byAction = (list: ReturnType<typeof actionButtons>) => Object.fromEntries(list.map((b) => [b.action, b.disabledReason]));

describe("network-fault buttons", () => {
  const running: BrokerProcess = { id: 2, status: "running", since: 1 };
  it("offers partition and isolate on a running broker when faults can be had", () => {
    const b = byAction(actionButtons(broker(running), ctx(rt({ available: true, reason: null }))));
    expect(b.partition).toBeNull();
    expect(b.isolate).toBeNull();
    expect("heal" in b).toBe(false);
  });
  it("disables them with the reason when they cannot", () => {
    const b = byAction(actionButtons(broker(running), ctx(rt({ available: false, reason: "network faults need root (iptables)" }))));
    expect(b.partition).toBe("Network faults unavailable: network faults need root (iptables)");
  });
  it("offers only heal on a broker under a fault", () => {
    const b = byAction(actionButtons(broker({ ...running, faults: [{ kind: "partition", since: 5 }] }), ctx(rt({ available: true, reason: null }))));
    expect(b.heal).toBeNull();
    expect("partition" in b).toBe(false);
  });
  it("needs a running process to cut off", () => {
    const b = byAction(actionButtons(broker({ ...running, status: "paused" }), ctx(rt({ available: true, reason: null }))));
    expect(b.partition).toMatch(/not running \(paused\)/);
  });
  it("shows none on a runtime without faults", () => {
    const b = byAction(actionButtons(broker(running), ctx({ kind: "docker", available: true, reason: null })));
    expect("partition" in b).toBe(false);
  });
});

describe("the slow button", () => {
  const running: BrokerProcess = { id: 2, status: "running", since: 1 };
  it("is offered beside partition and isolate, and disabled with its own reason where no proxy can be had", () => {
    const ok = byAction(actionButtons(broker(running), ctx(rt({ available: true, reason: null, slow: { available: true, reason: null } }))));
    expect(ok.slow).toBeNull();
    const off = byAction(actionButtons(broker(running), ctx(rt({ available: true, reason: null, slow: { available: false, reason: "slow is not available on Docker" } }))));
    expect(off.slow).toBe("Slow unavailable: slow is not available on Docker");
    expect(off.partition).toBeNull();
  });
  it("a slowed broker offers heal, and says how slow in the refusal of another fault", () => {
    const b = byAction(actionButtons(broker({ ...running, faults: [{ kind: "slow", since: 5, params: { delayMs: 200, jitterMs: 0 } }] }), ctx(rt({ available: true, reason: null }))));
    expect(b.heal).toBeNull();
    expect("slow" in b).toBe(false);
  });
});

import { faultLabel, isCutOff } from "@/lib/model/runtime";
import { slowBody } from "@/lib/validations/api";

describe("slow's parameters", () => {
  it("labels a fault with its delay, and only partition/isolate cut a broker off", () => {
    expect(faultLabel({ kind: "slow", since: 1, params: { delayMs: 200, jitterMs: 0 } })).toBe("slow +200 ms");
    expect(faultLabel({ kind: "slow", since: 1, params: { delayMs: 200, jitterMs: 50 } })).toBe("slow +200 ±50 ms");
    expect(faultLabel({ kind: "partition", since: 1 })).toBe("partition");
    expect([isCutOff({ kind: "slow", since: 1 }), isCutOff({ kind: "partition", since: 1 }), isCutOff({ kind: "isolate", since: 1 })]).toEqual([false, true, true]);
  });
  it("validates the body: whole milliseconds in range, jitter defaults to 0, nothing else accepted", () => {
    expect(slowBody.parse({ delayMs: 200 })).toEqual({ delayMs: 200, jitterMs: 0 });
    for (const bad of [{}, { delayMs: 0 }, { delayMs: 1.5 }, { delayMs: 10_001 }, { delayMs: "200" }, { delayMs: 200, jitterMs: -1 }, { delayMs: 200, x: 1 }]) {
      expect(slowBody.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
