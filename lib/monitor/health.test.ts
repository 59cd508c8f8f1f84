import { describe, expect, it } from "vitest";
import { deriveHealth, describeBrokers, type HealthInput } from "./health";
import type { QuorumHealth } from "./quorum";
import { BOOTSTRAP, proc } from "./test-data";
import type { BrokerState } from "@/lib/model/cluster";

const running = (id: number, state: BrokerState = "RUNNING", withRuntime = true) => ({
  id,
  state,
  runtime: withRuntime ? proc(id) : null,
});
const goodQuorum: QuorumHealth = { hasLeader: true, voters: 3, alive: 3, majority: 2, down: [] };
const base: HealthInput = {
  reachable: true,
  bootstrap: BOOTSTRAP,
  partitions: 12,
  offline: 0,
  underMinIsr: 0,
  underReplicated: 0,
  quorum: goodQuorum,
  brokers: [running(1), running(2), running(3)],
};
const health = (over: Partial<HealthInput>) => deriveHealth({ ...base, ...over });

describe("deriveHealth", () => {
  it("is HEALTHY with every broker RUNNING and nothing under-replicated", () => {
    expect(health({})).toEqual({ health: "HEALTHY", reason: "3 brokers running, 12 partitions in sync" });
  });

  it("is UNREACHABLE when no broker answers, naming the bootstrap servers", () => {
    const r = health({ reachable: false, brokers: [1, 2, 3].map((id) => running(id, "STARTING")) });
    expect(r.health).toBe("UNREACHABLE");
    expect(r.reason).toBe(
      "no broker answers on 127.0.0.1:19092, 127.0.0.1:29092, 127.0.0.1:39092: brokers 1, 2, 3 are starting",
    );
  });

  it("says all brokers are down when the runtime knows it", () => {
    const down = [1, 2, 3].map((id) => running(id, "SHUTDOWN"));
    expect(health({ reachable: false, brokers: down }).reason).toMatch(/: brokers 1, 2, 3 are down$/);
  });

  it("without a runtime gives the error instead, and shortens a long bootstrap list", () => {
    const r = health({
      reachable: false,
      error: "connection refused",
      bootstrap: ["a:9092", "b:9092", "c:9092", "d:9092"],
      brokers: [running(1, "UNRESPONSIVE", false)],
    });
    expect(r).toEqual({
      health: "UNREACHABLE",
      reason: "no broker answers on a:9092, b:9092, c:9092, … (connection refused)",
    });
  });

  it("is DEGRADED with under-replicated partitions, naming the broker that is why", () => {
    const r = health({ underReplicated: 12, brokers: [running(1), running(2, "SHUTDOWN"), running(3)] });
    expect(r).toEqual({ health: "DEGRADED", reason: "12 partitions under-replicated: broker 2 is down" });
  });

  it("is DEGRADED when a broker is not RUNNING even without URP", () => {
    expect(health({ brokers: [running(1), running(2), running(3, "STARTING")] })).toEqual({
      health: "DEGRADED",
      reason: "broker 3 is starting",
    });
  });

  it("is DEGRADED for a paused (UNRESPONSIVE) broker and a RECOVERING one", () => {
    const r = health({ underReplicated: 1, brokers: [running(1, "RECOVERING"), running(2, "UNRESPONSIVE"), running(3)] });
    expect(r).toEqual({
      health: "DEGRADED",
      reason: "1 partition under-replicated: broker 2 is not answering, broker 1 is catching up",
    });
  });

  it("is CRITICAL with an offline partition", () => {
    const r = health({
      offline: 3,
      underReplicated: 3,
      brokers: [running(1), running(2, "SHUTDOWN"), running(3, "SHUTDOWN")],
    });
    expect(r).toEqual({ health: "CRITICAL", reason: "3 partitions offline (no leader): brokers 2, 3 are down" });
  });

  it("is CRITICAL with partitions under min ISR", () => {
    const r = health({ underMinIsr: 1, underReplicated: 1 });
    expect(r).toEqual({ health: "CRITICAL", reason: "1 partition under min ISR (acks=all writes fail)" });
  });

  it("is CRITICAL when the quorum lost its majority", () => {
    const lost: QuorumHealth = { hasLeader: true, voters: 3, alive: 1, majority: 2, down: [2, 3] };
    const r = health({ quorum: lost, brokers: [running(1), running(2, "SHUTDOWN"), running(3, "SHUTDOWN")] });
    expect(r.health).toBe("CRITICAL");
    expect(r.reason).toBe("KRaft quorum lost (1 of 3 controllers alive, 2 needed): brokers 2, 3 are down");
  });

  it("is CRITICAL when the quorum has no leader", () => {
    const r = health({ quorum: { ...goodQuorum, hasLeader: false } });
    expect(r).toEqual({ health: "CRITICAL", reason: "KRaft quorum has no leader" });
  });

  it("does not judge an unknown quorum", () => {
    expect(health({ quorum: null }).health).toBe("HEALTHY");
  });

  it("lists every critical problem in one sentence", () => {
    const r = health({
      offline: 2,
      underMinIsr: 5,
      underReplicated: 7,
      quorum: { ...goodQuorum, hasLeader: false },
      brokers: [running(1, "SHUTDOWN"), running(2, "SHUTDOWN"), running(3)],
    });
    expect(r.reason).toBe(
      "2 partitions offline (no leader), 5 partitions under min ISR (acks=all writes fail), " +
        "KRaft quorum has no leader: brokers 1, 2 are down",
    );
  });
});

describe("describeBrokers", () => {
  it("is empty when every broker runs", () => {
    expect(describeBrokers([{ id: 1, state: "RUNNING" }])).toBe("");
  });

  it("shortens long id lists for big clusters", () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ id: 120 - i, state: "SHUTDOWN" as const }));
    expect(describeBrokers(many)).toBe("brokers 101, 102, 103, 104, 105, 106 and 14 more are down");
  });
});
