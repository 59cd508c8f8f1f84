import { describe, expect, it } from "vitest";
import { buildSnapshot, type SnapshotInput } from "./snapshot";
import {
  bigObservation,
  BOOTSTRAP,
  hwOf,
  LOCAL_RUNTIME,
  NO_RUNTIME,
  observation,
  part,
  proc,
  procs,
  quorum,
  T0,
  withoutBroker, liveness, probeRefused, probeTimeout, voterViews } from "./test-data";
import type { ClusterSnapshot, Observation } from "@/lib/model/cluster";

function snap(over: Partial<SnapshotInput> = {}): ClusterSnapshot {
  return buildSnapshot({
    prev: null,
    observation: observation(),
    runtime: LOCAL_RUNTIME,
    processes: procs([1, 2, 3]),
    knownBrokerIds: [],
    seq: 1,
    pollMs: 12,
    bootstrap: BOOTSTRAP,
    ...over,
  });
}
const broker = (s: ClusterSnapshot, id: number) => s.brokers.find((b) => b.id === id);
const states = (s: ClusterSnapshot) => s.brokers.map((b) => `${b.id}:${b.state}`);

describe("buildSnapshot on the demo cluster", () => {
  it("is HEALTHY with three RUNNING brokers and the quorum leader as controller", () => {
    const s = snap();
    expect(s.health).toBe("HEALTHY");
    expect(s.healthReason).toBe("3 brokers running, 12 partitions in sync");
    expect(states(s)).toEqual(["1:RUNNING", "2:RUNNING", "3:RUNNING"]);
    expect(s.controllerId).toBe(1);
    expect(s.brokers.map((b) => b.isController)).toEqual([true, false, false]);
    expect(s.brokers.every((b) => b.isVoter)).toBe(true);
    expect(broker(s, 2)).toMatchObject({ host: "127.0.0.1", port: 29092, leaderCount: 4, replicaCount: 12 });
    expect(s.topics.map((t) => t.name)).toEqual(["content_interaction", "user_action"]);
    expect(s.figures).toMatchObject({ brokers: 3, topics: 2, partitions: 12, leadersPerBroker: { 1: 4, 2: 4, 3: 4 } });
    expect(s).toMatchObject({ seq: 1, at: T0, pollMs: 12, reachable: true, error: null, runtime: LOCAL_RUNTIME });
  });

  it("shows a killed broker SHUTDOWN at once, before Kafka notices", () => {
    const s = snap({ processes: [proc(1), proc(2, "exited"), proc(3)] });
    expect(broker(s, 2)).toMatchObject({ state: "SHUTDOWN", reason: "process exited", registered: true });
    // The effective view drops broker 2 from every ISR at once; Kafka's view still lists it.
    expect(s.health).toBe("DEGRADED");
    expect(s.healthReason).toBe("12 partitions under-replicated, 4 partitions waiting for a new leader: broker 2 is down");
    expect(s.kafkaView).toEqual({ underReplicated: 0, underMinIsr: 0, offline: 0 });
    expect(s.figures).toMatchObject({ underReplicated: 12, underMinIsr: 0, offline: 0, leaderDown: 4 });
    expect(s.viewDifferences).toEqual([
      {
        brokerId: 2,
        isrCount: 12,
        leaderCount: 4,
        registered: true,
        fenceExpectedAt: T0 - 60_000 + 6000,
        message:
          "Kafka still lists broker 2 in 12 ISRs, as leader of 4 partitions, as registered; it will be fenced about 6.0 s after its last heartbeat (broker.session.timeout.ms)",
      },
    ]);
  });

  it("reports under-replicated partitions once the dead broker left the ISRs, keeping its address", () => {
    const first = snap();
    const obs = withoutBroker(observation({ at: T0 + 1000 }), 2);
    const s = snap({
      prev: { snapshot: first, observation: observation() },
      observation: obs,
      processes: [proc(1), proc(2, "exited"), proc(3)],
    });
    expect(s.health).toBe("DEGRADED");
    expect(s.healthReason).toBe("12 partitions under-replicated: broker 2 is down");
    expect(broker(s, 2)).toMatchObject({ registered: false, host: "127.0.0.1", port: 29092 });
    expect(broker(s, 2)).toMatchObject({ leaderCount: 0, outOfSyncCount: 12 });
    expect(s.figures.leadersPerBroker[2]).toBe(0);
  });

  it("is CRITICAL when two of three brokers are down: quorum lost and writes fail", () => {
    const obs = withoutBroker(withoutBroker(observation(), 2), 3);
    const s = snap({ observation: obs, processes: [proc(1), proc(2, "exited"), proc(3, "exited")] });
    expect(s.health).toBe("CRITICAL");
    expect(s.figures.underMinIsr).toBe(12);
    expect(s.healthReason).toBe(
      "12 partitions under min ISR (acks=all writes fail), KRaft quorum lost: 1 of 3 controllers alive, 2 needed: " +
        "brokers 2, 3 are down",
    );
  });

  it("is UNREACHABLE the moment every process is gone, before a poll finds nobody answering", () => {
    const s = snap({ processes: procs([1, 2, 3], "exited") });
    expect(s.health).toBe("UNREACHABLE");
    expect(s.reachable).toBe(false);
    // One survivor, or a broker we do not run: the last poll still speaks.
    expect(snap({ processes: [proc(1, "exited"), proc(2, "exited"), proc(3)] }).health).toBe("CRITICAL");
    expect(snap({ processes: procs([1, 2], "exited") }).health).not.toBe("UNREACHABLE");
  });

  it("keeps every broker when the whole cluster is down", () => {
    const first = snap();
    const dead: Observation = {
      ...observation({ at: T0 + 1000 }),
      reachable: false,
      error: "connection refused",
      registered: [],
      responsive: [],
      partitions: [],
      quorum: null,
      highWatermarks: {},
    };
    const s = snap({
      prev: { snapshot: first, observation: observation() },
      observation: dead,
      processes: procs([1, 2, 3], "exited"),
      knownBrokerIds: [1, 2, 3],
    });
    expect(s.health).toBe("UNREACHABLE");
    expect(s.healthReason).toBe(
      "no broker answers on 127.0.0.1:19092, 127.0.0.1:29092, 127.0.0.1:39092: brokers 1, 2, 3 are down",
    );
    expect(states(s)).toEqual(["1:SHUTDOWN", "2:SHUTDOWN", "3:SHUTDOWN"]);
    expect(s.controllerId).toBeNull();
    expect(s.figures.messagesInPerSec).toBeNull();
    expect(s.error).toBe("connection refused");
  });

  it("is CRITICAL with one offline partition", () => {
    const obs = observation();
    obs.partitions[0] = part("user_action", 0, -1, [1, 2, 3], [1]);
    const s = snap({ observation: obs });
    expect(s.health).toBe("CRITICAL");
    expect(s.figures.offline).toBe(1);
    expect(s.healthReason).toMatch(/^1 partition offline \(no live leader\), 1 partition under min ISR/);
  });

  it("marks a paused broker UNRESPONSIVE", () => {
    const s = snap({ processes: [proc(1), proc(2), proc(3, "paused")] });
    expect(broker(s, 3)).toMatchObject({ state: "UNRESPONSIVE", reason: "frozen (paused)" });
    expect(s.health).toBe("DEGRADED");
    expect(s.healthReason).toBe("12 partitions under-replicated, 4 partitions waiting for a new leader: broker 3 is not answering");
  });

  it("marks a registered broker whose own probe is refused UNRESPONSIVE at once", () => {
    const s = snap({ observation: observation({ liveness: { ...liveness([1, 3]), 2: probeRefused } }) });
    expect(broker(s, 2)).toMatchObject({ state: "UNRESPONSIVE", reason: "registered, not answering (connection refused)", effectivelyDown: true });
  });

  it("forgives one unanswered probe, not two in a row", () => {
    const obs = observation({ liveness: { ...liveness([1, 3]), 2: probeTimeout } });
    const once = snap({ observation: obs });
    expect(broker(once, 2)).toMatchObject({ state: "RUNNING", probeFailures: 1, effectivelyDown: false });
    const twice = snap({ prev: { snapshot: once, observation: obs }, observation: { ...obs, at: T0 + 1000 } });
    expect(broker(twice, 2)).toMatchObject({ state: "UNRESPONSIVE", reason: "registered, not answering (no answer to its own probe)", probeFailures: 2 });
    expect(broker(twice, 1)?.state).toBe("RUNNING");
  });

  it("marks a restarted broker STARTING, then RECOVERING while it catches up", () => {
    const starting = snap({ observation: withoutBroker(observation(), 2) });
    expect(broker(starting, 2)?.state).toBe("STARTING");
    const obs = observation();
    obs.partitions = obs.partitions.map((p, i) => (i < 4 ? { ...p, isr: p.isr.filter((r) => r !== 2) } : p));
    const recovering = snap({ observation: obs });
    expect(broker(recovering, 2)).toMatchObject({ state: "RECOVERING", reason: "out of ISR on 4 partitions" });
  });
});

describe("buildSnapshot broker list", () => {
  it("is the union of registered, runtime, replicas, voters and known ids, sorted", () => {
    const obs = observation({ quorum: quorum(1, [1, 2, 3, 10]) });
    obs.partitions.push(part("orphan", 0, 1, [1, 7], [1]));
    const s = snap({ observation: obs, processes: procs([1, 2, 3, 5]), knownBrokerIds: [4] });
    expect(s.brokers.map((b) => b.id)).toEqual([1, 2, 3, 4, 5, 7, 10]);
    expect(broker(s, 5)?.state).toBe("STARTING");
    expect(broker(s, 7)).toMatchObject({ state: "SHUTDOWN", reason: "not registered in cluster metadata", host: null });
    expect(broker(s, 4)?.state).toBe("SHUTDOWN");
    expect(broker(s, 10)?.isVoter).toBe(true);
  });

  it("takes the controller only from a voter that confirmed its leadership", () => {
    const ids = [1, 2, 3];
    expect(snap({ observation: observation({ quorum: quorum(3, ids), voterViews: voterViews(3, ids) }) }).controllerId).toBe(3);
    const unconfirmed = voterViews(-1, ids).map((v) => ({ ...v, leaderId: 2 }));
    const leaderless = snap({ observation: observation({ quorum: null, voterViews: unconfirmed }) });
    expect(leaderless.controllerId).toBeNull();
    expect(leaderless.brokers.some((b) => b.isController)).toBe(false);
    expect(leaderless.health).toBe("DEGRADED");
    expect(leaderless.metadataFrozenSince).toBe(T0);
    const later = snap({ prev: { snapshot: leaderless, observation: observation() }, observation: observation({ at: T0 + 9000, quorum: null, voterViews: unconfirmed }) });
    expect(later.health).toBe("CRITICAL");
    expect(later.healthReason).toBe("no active controller for 9.0 s (3 of 3 voters alive)");
  });

  it("judges brokers by Kafka alone without a runtime", () => {
    const obs = withoutBroker(observation(), 3);
    const s = snap({ runtime: NO_RUNTIME, processes: null, observation: obs, knownBrokerIds: [3] });
    expect(broker(s, 3)).toMatchObject({ state: "SHUTDOWN", reason: "not registered in cluster metadata" });
    expect(broker(s, 3)?.runtime).toBeNull();
    expect(s.health).toBe("DEGRADED");
  });
});

describe("buildSnapshot rates", () => {
  it("derives messages/s per topic from the previous observation, and per broker from its last two metric samples", () => {
    const zero = { at: T0, bytesInTotal: 0, bytesOutTotal: 0, messagesInTotal: 0, requestsTotal: 0 };
    const before = observation({ metrics: { 1: zero } });
    const after = observation({
      at: T0 + 2000,
      highWatermarks: { ...hwOf(before.partitions, 0), user_action: { 0: 100, 1: 100, 2: 0, 3: 0, 4: 0, 5: 0 } },
      metrics: { 1: { at: T0 + 2000, bytesInTotal: 4000, bytesOutTotal: 2000, messagesInTotal: 200, requestsTotal: 20 } },
      metricsBefore: { 1: zero },
    });
    const first = snap({ observation: before });
    expect(first.figures.messagesInPerSec).toBeNull();
    const s = snap({ prev: { snapshot: first, observation: before }, observation: after, seq: 2 });
    expect(s.figures.messagesInPerSec).toBe(100);
    expect(s.topics.map((t) => [t.name, t.messagesInPerSec])).toEqual([
      ["content_interaction", 0],
      ["user_action", 100],
    ]);
    expect(broker(s, 1)?.rates).toEqual({
      bytesInPerSec: 2000,
      bytesOutPerSec: 1000,
      messagesInPerSec: 100,
      requestsPerSec: 10,
    });
    expect(broker(s, 2)?.rates).toBeNull();
  });
});

describe("buildSnapshot on a big foreign cluster", () => {
  const foreign = {
    runtime: NO_RUNTIME,
    processes: null,
    knownBrokerIds: [],
    pollMs: 40,
    bootstrap: ["kafka-101.example:9092"],
  };

  it("derives 30 brokers and 3000 partitions fast, with dedicated controllers alive", () => {
    const prevObs = bigObservation(30, 3000);
    const obs = bigObservation(30, 3000, T0 + 1000);
    const prev = buildSnapshot({ ...foreign, prev: null, observation: prevObs, seq: 1 });
    const started = performance.now();
    const s = buildSnapshot({ ...foreign, prev: { snapshot: prev, observation: prevObs }, observation: obs, seq: 2 });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(500);
    expect(s.brokers).toHaveLength(33);
    expect(s.health).toBe("HEALTHY");
    expect(s.figures).toMatchObject({ partitions: 3000, topics: 30, underReplicated: 0, messagesInPerSec: 0 });
    expect(broker(s, 9001)).toMatchObject({ state: "RUNNING", reason: "controller only, in the quorum" });
    expect(broker(s, 9001)?.isController).toBe(true);
    expect(broker(s, 101)?.leaderCount).toBe(100);
  });

  it("notices a dead broker and a silent controller in the big cluster", () => {
    let obs = bigObservation(30, 3000);
    obs = withoutBroker(obs, 117);
    const voter = obs.quorum?.voters[2];
    if (voter) voter.lastFetchTimestamp = T0 - 60_000;
    const s = buildSnapshot({ ...foreign, prev: null, observation: obs, knownBrokerIds: [117], seq: 1 });
    expect(broker(s, 117)?.state).toBe("SHUTDOWN");
    expect(broker(s, 9003)?.state).toBe("SHUTDOWN");
    expect(s.health).toBe("DEGRADED");
    expect(s.healthReason).toBe("300 partitions under-replicated: broker 117 is down, controller 9003 is down");
  });
});

describe("buildSnapshot on 5 brokers + 3 dedicated controllers", () => {
  const brokers = [1, 2, 3, 4, 5];
  const controllers = [101, 102, 103];
  const roles = (ps: ReturnType<typeof proc>[]) => ps.map((p) => ({ ...p, role: controllers.includes(p.id) ? ("controller" as const) : ("broker" as const) }));
  const base = (over: Partial<Observation> = {}) =>
    observation({
      registered: brokers.map((id) => ({ id, host: "127.0.0.1", port: 19091 + id })),
      responsive: brokers,
      partitions: [...["a", "b"].flatMap((t) => Array.from({ length: 5 }, (_, i) => part(t, i, brokers[i] as number, [0, 1, 2].map((k) => brokers[(i + k) % 5] as number))))],
      minIsr: { a: 2, b: 2 },
      liveness: liveness(brokers),
      quorum: quorum(101, controllers),
      voterViews: voterViews(101, controllers),
      ...over,
    });

  it("lists every broker and controller with its role; controllers hold no data and are no line of the broker figures", () => {
    const s = snap({ observation: base(), processes: roles(procs([...brokers, ...controllers])) });
    expect(states(s)).toEqual(["1:RUNNING", "2:RUNNING", "3:RUNNING", "4:RUNNING", "5:RUNNING", "101:RUNNING", "102:RUNNING", "103:RUNNING"]);
    expect(s.brokers.filter((b) => b.controllerOnly).map((b) => b.id)).toEqual(controllers);
    expect(s.brokers.filter((b) => b.isVoter).map((b) => b.id)).toEqual(controllers);
    expect(s.controllerId).toBe(101);
    expect(broker(s, 101)).toMatchObject({ isController: true, reason: "controller only, in the quorum", replicaCount: 0 });
    expect(s.figures.brokers).toBe(5);
    expect(Object.keys(s.figures.leadersPerBroker).map(Number)).toEqual(brokers);
    expect(s.health).toBe("HEALTHY");
  });

  it("a killed active controller is SHUTDOWN, degrades the cluster, and leaves every ISR alone", () => {
    const procsNow = roles([...procs(brokers), proc(101, "exited"), proc(102), proc(103)]);
    const obs = base({ quorum: quorum(102, controllers), voterViews: voterViews(102, controllers, T0, [101]) });
    const s = snap({ observation: obs, processes: procsNow });
    expect(broker(s, 101)).toMatchObject({ state: "SHUTDOWN", effectivelyDown: false, isController: false });
    expect(s.controllerId).toBe(102);
    expect(s.health).toBe("DEGRADED");
    expect(s.figures).toMatchObject({ underReplicated: 0, underMinIsr: 0, offline: 0 });
    expect(s.quorumVerdict).toMatchObject({ status: "ok", voters: 3, alive: 2, down: [101] });
  });

  it("two controllers down lose the quorum: CRITICAL, though every broker runs", () => {
    const procsNow = roles([...procs(brokers), proc(101, "exited"), proc(102, "exited"), proc(103)]);
    const obs = base({ quorum: null, voterViews: voterViews(-1, controllers, T0, [101, 102]) });
    const s = snap({ observation: obs, processes: procsNow });
    expect(s.health).toBe("CRITICAL");
    expect(s.quorumVerdict.status).toBe("lost");
    expect(brokers.map((id) => broker(s, id)?.state)).toEqual(["RUNNING", "RUNNING", "RUNNING", "RUNNING", "RUNNING"]);
  });
});
