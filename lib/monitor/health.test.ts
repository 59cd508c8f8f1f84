import { describe, expect, it } from "vitest";
import { deriveHealth, describeBrokers, diskWarnings, type HealthInput } from "./health";
import { BOOTSTRAP, proc } from "./test-data";
import type { BrokerState, CanaryPartitionState } from "@/lib/model/cluster";

const running = (id: number, state: BrokerState = "RUNNING", withRuntime = true) => ({
  id,
  state,
  runtime: withRuntime ? proc(id) : null,
});
const goodQuorum = { status: "ok" as const, reason: "controller 1 active, 3 of 3 voters alive" };
const noFigures = { partitions: 12, offline: 0, underMinIsr: 0, underReplicated: 0, leaderDown: 0 };
type Figures = HealthInput["figures"];
const base: HealthInput = {
  reachable: true,
  bootstrap: BOOTSTRAP,
  figures: noFigures,
  quorum: goodQuorum,
  canary: null,
  brokers: [running(1), running(2), running(3)],
};
const health = (over: Partial<Omit<HealthInput, "figures">> & Partial<Figures>) => {
  const { partitions, offline, underMinIsr, underReplicated, leaderDown, ...rest } = over;
  const figures = { ...noFigures, ...Object.fromEntries(Object.entries({ partitions, offline, underMinIsr, underReplicated, leaderDown }).filter(([, v]) => v !== undefined)) };
  return deriveHealth({ ...base, ...rest, figures });
};
const write = (over: Partial<CanaryPartitionState>): CanaryPartitionState => ({
  partition: 0, broker: 1, leader: 1, ok: false, produceMs: null, endToEndMs: null, error: "REQUEST_TIMED_OUT", failStreak: 2, explained: false, ...over,
});

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
    expect(r).toEqual({ health: "CRITICAL", reason: "3 partitions offline (no live leader): brokers 2, 3 are down" });
  });

  it("is CRITICAL with partitions under min ISR", () => {
    const r = health({ underMinIsr: 1, underReplicated: 1 });
    expect(r).toEqual({ health: "CRITICAL", reason: "1 partition under min ISR (acks=all writes fail)" });
  });

  it("is CRITICAL when the quorum is lost, whatever the partition figures say", () => {
    const lost = { status: "lost" as const, reason: "KRaft quorum lost: 1 of 3 controllers alive, 2 needed" };
    const r = health({ quorum: lost, brokers: [running(1), running(2, "SHUTDOWN"), running(3, "SHUTDOWN")] });
    expect(r).toEqual({ health: "CRITICAL", reason: "KRaft quorum lost: 1 of 3 controllers alive, 2 needed: brokers 2, 3 are down" });
  });

  it("is DEGRADED, not CRITICAL, while a controller election is under way", () => {
    const electing = { status: "electing" as const, reason: "no active controller for 1.2 s: electing one (2 of 3 voters alive)" };
    const r = health({ quorum: electing, brokers: [running(1, "UNRESPONSIVE"), running(2), running(3)] });
    expect(r.health).toBe("DEGRADED");
    expect(r.reason).toMatch(/^no active controller for 1\.2 s: electing one/);
  });

  it("is CRITICAL when canary writes keep failing with nothing to explain it, whatever metadata claims", () => {
    const canary = { status: "failing" as const, reason: "canary writes failing (broker 1's partition): REQUEST_TIMED_OUT", partitions: [write({})] };
    expect(health({ canary })).toEqual({ health: "CRITICAL", reason: "canary writes failing (broker 1's partition): REQUEST_TIMED_OUT" });
  });

  it("says writes are stalled (DEGRADED) between a hard kill and Kafka's fencing", () => {
    const canary = { status: "stalled" as const, reason: "writes stalled until Kafka fences broker 2 (3 canary partitions not acknowledged)", partitions: [write({ explained: true })] };
    const r = health({ canary, underReplicated: 24, leaderDown: 8, brokers: [running(1), running(2, "SHUTDOWN"), running(3)] });
    expect(r).toEqual({
      health: "DEGRADED",
      reason: "24 partitions under-replicated, 8 partitions waiting for a new leader, writes stalled until Kafka fences broker 2 (3 canary partitions not acknowledged): broker 2 is down",
    });
  });

  it("does not turn one unexplained canary failure into a health change", () => {
    const canary = { status: "stalled" as const, reason: "1 canary write failed once (REQUEST_TIMED_OUT); watching", partitions: [write({ failStreak: 1 })] };
    expect(health({ canary }).health).toBe("HEALTHY");
  });

  it("lists every critical problem in one sentence", () => {
    const r = health({
      offline: 2,
      underMinIsr: 5,
      underReplicated: 7,
      quorum: { status: "lost", reason: "KRaft quorum lost: 1 of 3 controllers alive, 2 needed" },
      brokers: [running(1, "SHUTDOWN"), running(2, "SHUTDOWN"), running(3)],
    });
    expect(r.reason).toBe(
      "2 partitions offline (no live leader), 5 partitions under min ISR (acks=all writes fail), " +
        "KRaft quorum lost: 1 of 3 controllers alive, 2 needed: brokers 1, 2 are down",
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

describe("disk and controllers in the health sentence", () => {
  const figures = { partitions: 10, offline: 0, underMinIsr: 0, underReplicated: 0, leaderDown: 0 };
  const base = { reachable: true, bootstrap: ["127.0.0.1:19092"], figures, quorum: { status: "ok" as const, reason: "ok" }, canary: null };
  const disk = (total: number, usable: number) => ({ at: 1, logDirs: 1, sizeBytes: 5, totalBytes: total, usableBytes: usable, estimate: false });
  const running = (id: number, over = {}) => ({ id, state: "RUNNING" as const, runtime: null, ...over });

  it("is DEGRADED when a broker's disk has less than 10 % free, naming it, and HEALTHY at 10 % and up", () => {
    const full = deriveHealth({ ...base, brokers: [running(1, { disk: disk(1000, 70) }), running(2, { disk: disk(1000, 500) })] });
    expect(full).toEqual({ health: "DEGRADED", reason: "broker 1's disk is 93 % full (7.0 % free)" });
    expect(diskWarnings([running(1, { disk: disk(1000, 100) })])).toEqual([]);
    expect(deriveHealth({ ...base, brokers: [running(1, { disk: { ...disk(0, 0), totalBytes: null, usableBytes: null } })] }).health).toBe("HEALTHY");
  });

  it("counts and names dedicated controllers apart from brokers", () => {
    const ok = deriveHealth({ ...base, brokers: [running(1), running(2), running(101, { controllerOnly: true })] });
    expect(ok.reason).toBe("2 brokers and 1 controller running, 10 partitions in sync");
    const down = deriveHealth({ ...base, brokers: [running(1), { id: 101, state: "SHUTDOWN", runtime: null, controllerOnly: true }] });
    expect(down).toEqual({ health: "DEGRADED", reason: "controller 101 is down" });
  });
});
