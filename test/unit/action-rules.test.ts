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
