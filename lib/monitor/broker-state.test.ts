import { describe, expect, it } from "vitest";
import { deriveBrokerState, type BrokerStateInput } from "./broker-state";
import { proc } from "./test-data";

const healthy: BrokerStateInput = {
  runtime: proc(2),
  registered: true,
  responsive: true,
  outOfSyncCount: 0,
  clusterReachable: true,
};
const derive = (over: Partial<BrokerStateInput>) => deriveBrokerState({ ...healthy, ...over });

describe("deriveBrokerState with a runtime", () => {
  it("is RUNNING when registered, answering and in every ISR", () => {
    expect(derive({})).toEqual({ state: "RUNNING", reason: "registered, in every ISR" });
  });

  it("is SHUTDOWN when the process exited, even while Kafka still lists it", () => {
    expect(derive({ runtime: proc(2, "exited") })).toEqual({ state: "SHUTDOWN", reason: "process exited" });
  });

  it("names the runtime's detail in the reason", () => {
    expect(derive({ runtime: proc(2, "exited", "exit code 137") }).reason).toBe("process exited (exit code 137)");
  });

  it("is SHUTDOWN when the process or container is missing", () => {
    expect(derive({ runtime: proc(2, "missing"), registered: false })).toEqual({
      state: "SHUTDOWN",
      reason: "process missing",
    });
  });

  it("is UNRESPONSIVE when paused, whatever Kafka says", () => {
    expect(derive({ runtime: proc(2, "paused") })).toEqual({ state: "UNRESPONSIVE", reason: "frozen (paused)" });
    expect(derive({ runtime: proc(2, "paused"), registered: false, responsive: false }).state).toBe("UNRESPONSIVE");
  });

  it("is STARTING when running but not registered yet", () => {
    expect(derive({ registered: false, responsive: false })).toEqual({
      state: "STARTING",
      reason: "running, not registered yet",
    });
  });

  it("is UNRESPONSIVE when running and registered but not answering", () => {
    expect(derive({ responsive: false })).toEqual({ state: "UNRESPONSIVE", reason: "registered, not answering (probe failed)" });
  });

  it("is RECOVERING when registered but out of some ISR", () => {
    expect(derive({ outOfSyncCount: 4 })).toEqual({ state: "RECOVERING", reason: "out of ISR on 4 partitions" });
    expect(derive({ outOfSyncCount: 1 }).reason).toBe("out of ISR on 1 partition");
  });

  it("prefers UNRESPONSIVE over RECOVERING: not answering is the bigger news", () => {
    expect(derive({ responsive: false, outOfSyncCount: 3 }).state).toBe("UNRESPONSIVE");
  });

  it("judges a dedicated controller whose process runs by the quorum: RUNNING when it answers, STARTING while young, else UNRESPONSIVE", () => {
    expect(derive({ registered: false, controllerOnly: { alive: true } })).toEqual({ state: "RUNNING", reason: "controller only, in the quorum" });
    expect(derive({ registered: false, controllerOnly: { alive: false, recentlyStarted: true } }).state).toBe("STARTING");
    expect(derive({ registered: false, controllerOnly: { alive: false } }).state).toBe("UNRESPONSIVE");
    // The process table still comes first: a killed or frozen controller is that, whatever the quorum last said.
    expect(derive({ runtime: proc(101, "exited"), registered: false, controllerOnly: { alive: true } }).state).toBe("SHUTDOWN");
    expect(derive({ runtime: proc(101, "paused"), registered: false, controllerOnly: { alive: true } }).state).toBe("UNRESPONSIVE");
  });
});

describe("deriveBrokerState without a runtime (read-only monitoring)", () => {
  const none = (over: Partial<BrokerStateInput>) => derive({ runtime: null, ...over });

  it("is RUNNING, RECOVERING or UNRESPONSIVE by the Kafka rules when registered", () => {
    expect(none({}).state).toBe("RUNNING");
    expect(none({ outOfSyncCount: 2 })).toEqual({ state: "RECOVERING", reason: "out of ISR on 2 partitions" });
    expect(none({ responsive: false }).state).toBe("UNRESPONSIVE");
  });

  it("is SHUTDOWN when known but not registered", () => {
    expect(none({ registered: false, responsive: false })).toEqual({
      state: "SHUTDOWN",
      reason: "not registered in cluster metadata",
    });
  });

  it("does not claim SHUTDOWN when the whole cluster is unreachable", () => {
    expect(none({ registered: false, responsive: false, clusterReachable: false })).toEqual({
      state: "UNRESPONSIVE",
      reason: "not answering (cluster unreachable)",
    });
  });

  it("judges a dedicated controller by the quorum", () => {
    const base = { registered: false, responsive: false };
    expect(none({ ...base, controllerOnly: { alive: true } })).toEqual({
      state: "RUNNING",
      reason: "controller only, in the quorum",
    });
    expect(none({ ...base, controllerOnly: { alive: false } }).state).toBe("SHUTDOWN");
    expect(none({ ...base, controllerOnly: { alive: true }, clusterReachable: false }).state).toBe("UNRESPONSIVE");
  });
});

describe("a broker under one of our network faults", () => {
  const base = { registered: true, responsive: true, outOfSyncCount: 0, clusterReachable: true };
  it("is PARTITIONED, whatever Kafka says, saying whether the controller has fenced it yet", () => {
    const running = { id: 2, status: "running" as const, since: 1, faults: [{ kind: "partition" as const, since: 5 }] };
    expect(deriveBrokerState({ ...base, runtime: running })).toEqual({ state: "PARTITIONED", reason: "cut off from its peers (clients still reach it); still registered until the controller fences it" });
    expect(deriveBrokerState({ ...base, registered: false, runtime: running }).reason).toMatch(/fenced by the controller$/);
    const isolated = { ...running, faults: [{ kind: "isolate" as const, since: 5 }] };
    expect(deriveBrokerState({ ...base, responsive: false, runtime: isolated }).reason).toMatch(/^isolated from peers and clients/);
  });
  it("slowed: still Kafka's to judge (RUNNING while in every ISR, RECOVERING when it falls behind), never PARTITIONED", () => {
    const slow = { id: 2, status: "running" as const, since: 1, faults: [{ kind: "slow" as const, since: 5, params: { delayMs: 200, jitterMs: 0 } }] };
    expect(deriveBrokerState({ ...base, runtime: slow }).state).toBe("RUNNING");
    expect(deriveBrokerState({ ...base, outOfSyncCount: 2, runtime: slow }).state).toBe("RECOVERING");
  });
  it("is SHUTDOWN when its process died, fault or not", () => {
    expect(deriveBrokerState({ ...base, runtime: { id: 2, status: "exited", since: 1, faults: [{ kind: "partition", since: 5 }] } }).state).toBe("SHUTDOWN");
  });
});
