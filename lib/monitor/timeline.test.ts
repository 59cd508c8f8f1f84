import { describe, expect, it } from "vitest";
import type { BrokerProcess } from "@/lib/model/runtime";
import { buildSnapshot } from "./snapshot";
import { BOOTSTRAP, LOCAL_RUNTIME, observation, proc, procs, quorum, T0, withoutBroker } from "./test-data";
import { detectTransitions, initialTimelineState, type TimelineState } from "./timeline";
import type { ClusterSnapshot, Observation } from "@/lib/model/cluster";

function snap(obs: Observation, processes: BrokerProcess[] = procs([1, 2, 3]), known: number[] = []): ClusterSnapshot {
  return buildSnapshot({
    prev: null,
    observation: obs,
    runtime: LOCAL_RUNTIME,
    processes,
    knownBrokerIds: known,
    seq: 1,
    pollMs: 5,
    bootstrap: BOOTSTRAP,
  });
}

/** Runs a sequence of snapshots through the detector, as the monitor loop does. */
function run(snaps: ClusterSnapshot[], state: TimelineState = initialTimelineState()) {
  let prev: ClusterSnapshot | null = null;
  let s = state;
  const all = [];
  for (const next of snaps) {
    const r = detectTransitions(prev, next, s);
    all.push(r.entries);
    s = r.state;
    prev = next;
  }
  return { entries: all, state: s };
}

const healthy = (at = T0) => snap(observation({ at }));
const killed2 = (at: number) => snap(withoutBroker(observation({ at }), 2), [proc(1), proc(2, "exited"), proc(3)], [2]);

describe("detectTransitions: first snapshot", () => {
  it("records only that the monitor started", () => {
    const { entries, state } = run([healthy()]);
    expect(entries[0]).toEqual([
      {
        id: 1,
        at: T0,
        kind: "health",
        severity: "ok",
        message: "monitor started: HEALTHY, 3 brokers running, 12 partitions in sync",
      },
    ]);
    expect(state).toEqual({ nextId: 2, urpSince: null, urpSinceStart: false, controllerId: 1 });
  });

  it("does not mutate the state it was given", () => {
    const state = initialTimelineState();
    detectTransitions(null, healthy(), state);
    expect(state).toEqual(initialTimelineState());
  });
});

describe("detectTransitions: brokers", () => {
  it("records a broker state change with its reason", () => {
    const { entries } = run([healthy(), snap(observation({ at: T0 + 1000 }), [proc(1), proc(2, "exited"), proc(3)])]);
    expect(entries[1]).toContainEqual({
      id: 2,
      at: T0 + 1000,
      kind: "broker_state",
      severity: "warn",
      brokerId: 2,
      message: "broker 2: RUNNING → SHUTDOWN (process exited)",
    });
  });

  it("records a broker coming back as ok", () => {
    const { entries } = run([killed2(T0), healthy(T0 + 1000)]);
    expect(entries[1]).toContainEqual(
      expect.objectContaining({
        kind: "broker_state",
        severity: "ok",
        message: "broker 2: SHUTDOWN → RUNNING (registered, in every ISR)",
      }),
    );
  });

  it("summarises many brokers making the same change in one entry", () => {
    const ids = [1, 2, 3, 4, 5, 6];
    const reg = ids.map((id) => ({ id, host: "h", port: 9092 }));
    const before = snap(observation({ registered: reg, responsive: ids }), procs(ids));
    const after = snap(observation({ at: T0 + 1000, registered: reg, responsive: ids }), procs(ids, "paused"));
    const { entries } = detectTransitions(before, after, initialTimelineState());
    const brokerEntries = entries.filter((e) => e.kind === "broker_state");
    expect(brokerEntries).toHaveLength(1);
    expect(brokerEntries[0]?.message).toBe("brokers 1, 2, 3, 4, 5, 6: RUNNING → UNRESPONSIVE (frozen (paused))");
    expect(brokerEntries[0]?.brokerId).toBeUndefined();
  });

  it("records a broker seen for the first time", () => {
    const before = healthy();
    const after = snap(observation({ at: T0 + 1000 }), procs([1, 2, 3, 4]));
    const { entries } = detectTransitions(before, after, initialTimelineState());
    expect(entries.map((e) => e.message)).toContain("broker 4: STARTING (running, not registered yet)");
  });
});

describe("detectTransitions: controller", () => {
  const withLeader = (at: number, leaderId: number | null) =>
    snap(observation({ at, quorum: leaderId === null ? null : quorum(leaderId, [1, 2, 3], at) }));

  it("records the active controller moving", () => {
    const { entries } = run([withLeader(T0, 1), withLeader(T0 + 1000, 3)]);
    expect(entries[1]).toContainEqual(
      expect.objectContaining({
        kind: "controller",
        severity: "info",
        brokerId: 3,
        message: "active controller moved 1 → 3",
      }),
    );
  });

  it("remembers the controller across polls where the quorum could not be described", () => {
    const { entries } = run([withLeader(T0, 1), withLeader(T0 + 1000, null), withLeader(T0 + 2000, 2)]);
    expect(entries[1]?.filter((e) => e.kind === "controller")).toEqual([]);
    expect(entries[2]?.find((e) => e.kind === "controller")?.message).toBe("active controller moved 1 → 2");
  });

  it("records the quorum losing and electing a leader", () => {
    const { entries } = run([withLeader(T0, 1), withLeader(T0 + 1000, -1), withLeader(T0 + 2000, 2)]);
    expect(entries[1]?.find((e) => e.kind === "controller")).toMatchObject({
      severity: "critical",
      message: "KRaft quorum has no leader (was 1)",
    });
    expect(entries[2]?.find((e) => e.kind === "controller")).toMatchObject({
      severity: "ok",
      message: "KRaft quorum elected controller 2",
    });
  });
});

describe("detectTransitions: leader moves", () => {
  it("summarises partition leader moves when given both partition lists", () => {
    const before = observation();
    const after = withoutBroker(observation({ at: T0 + 1000 }), 2);
    const r = detectTransitions(snap(before), snap(after, [proc(1), proc(2, "exited"), proc(3)]), initialTimelineState(), {
      prev: before.partitions,
      next: after.partitions,
    });
    const moves = r.entries.find((e) => e.kind === "leader_moves");
    expect(moves?.severity).toBe("info");
    expect(moves?.message).toBe(
      "4 partition leaders moved: content_interaction-1 2→3, content_interaction-4 2→3, " +
        "user_action-1 2→3, user_action-4 2→3",
    );
  });

  it("detects none without partition lists or when the next poll is unreachable", () => {
    const before = observation();
    const after = withoutBroker(observation({ at: T0 + 1000 }), 2);
    const noLists = detectTransitions(snap(before), snap(after), initialTimelineState());
    expect(noLists.entries.some((e) => e.kind === "leader_moves")).toBe(false);
    const dark = snap({ ...after, reachable: false });
    const pair = { prev: before.partitions, next: after.partitions };
    const r = detectTransitions(snap(before), dark, initialTimelineState(), pair);
    expect(r.entries.some((e) => e.kind === "leader_moves")).toBe(false);
  });
});

describe("detectTransitions: under-replicated partitions", () => {
  it("records URP rising from 0 and the recovery with its duration", () => {
    const { entries, state } = run([healthy(T0), killed2(T0 + 1000), killed2(T0 + 5000), healthy(T0 + 12_400)]);
    expect(entries[1]).toContainEqual(
      expect.objectContaining({ kind: "urp_started", severity: "warn", message: "12 partitions under-replicated" }),
    );
    expect(entries[2]?.some((e) => e.kind.startsWith("urp"))).toBe(false);
    expect(entries[3]).toContainEqual(
      expect.objectContaining({
        kind: "urp_recovered",
        severity: "ok",
        message: "under-replicated partitions back to 0: recovered in 11.4 s",
        durationMs: 11_400,
      }),
    );
    expect(state.urpSince).toBeNull();
  });

  it("does not take an unreachable poll for a recovery", () => {
    const dark = snap({ ...observation({ at: T0 + 2000 }), reachable: false, registered: [], partitions: [], quorum: null });
    const { entries, state } = run([healthy(T0), killed2(T0 + 1000), dark]);
    expect(entries[2]?.some((e) => e.kind === "urp_recovered")).toBe(false);
    expect(state.urpSince).toBe(T0 + 1000);
  });

  it("counts from the monitor's start when URP was already up, without claiming a duration", () => {
    const { entries } = run([killed2(T0), healthy(T0 + 3000)]);
    expect(entries[0]?.map((e) => e.kind)).toEqual(["health"]);
    const rec = entries[1]?.find((e) => e.kind === "urp_recovered");
    expect(rec?.message).toBe("under-replicated partitions back to 0, 3.0 s after monitor start");
    expect(rec?.durationMs).toBeUndefined();
  });
});

describe("detectTransitions: health", () => {
  it("records health changes with the banner reason, in a stable order after the rest", () => {
    const { entries } = run([healthy(T0), killed2(T0 + 1000)]);
    expect(entries[1]?.map((e) => e.kind)).toEqual(["broker_state", "urp_started", "health"]);
    expect(entries[1]?.at(-1)).toEqual({
      id: 4,
      at: T0 + 1000,
      kind: "health",
      severity: "warn",
      message: "cluster HEALTHY → DEGRADED: 12 partitions under-replicated: broker 2 is down",
    });
  });

  it("records nothing when nothing changed", () => {
    const { entries } = run([healthy(T0), healthy(T0 + 1000)]);
    expect(entries[1]).toEqual([]);
  });
});

describe("detectTransitions: runtime", () => {
  const withRuntime = (s: ClusterSnapshot, available: boolean, reason: string | null = null): ClusterSnapshot => ({
    ...s,
    runtime: { kind: "docker", available, reason },
  });

  it("records the runtime going away with its reason, and coming back, once each", () => {
    const up = withRuntime(healthy(T0), true);
    const gone = withRuntime(healthy(T0 + 1000), false, "Docker unavailable: ping: connect ENOENT /var/run/docker.sock");
    const stillGone = withRuntime(healthy(T0 + 2000), false, "Docker unavailable: ping: connect ENOENT /var/run/docker.sock");
    const back = withRuntime(healthy(T0 + 3000), true);
    const { entries } = run([up, gone, stillGone, back]);
    const runtimeEntries = entries.map((e) => e.filter((x) => x.kind === "runtime"));
    expect(runtimeEntries[0]).toEqual([]);
    expect(runtimeEntries[1]).toEqual([
      expect.objectContaining({ severity: "warn", message: "docker runtime unavailable, controls read-only: Docker unavailable: ping: connect ENOENT /var/run/docker.sock" }),
    ]);
    expect(runtimeEntries[2]).toEqual([]);
    expect(runtimeEntries[3]).toEqual([expect.objectContaining({ severity: "ok", message: "docker runtime available again, controls enabled" })]);
  });

  it("says so at start when the runtime is already unavailable, and nothing when it is fine", () => {
    const gone = withRuntime(healthy(T0), false, "Docker unavailable: ping: connect ECONNREFUSED");
    const first = run([gone]).entries[0] ?? [];
    expect(first.map((e) => e.kind)).toEqual(["health", "runtime"]);
    expect(first[1]?.message).toBe("docker runtime unavailable, controls read-only: Docker unavailable: ping: connect ECONNREFUSED");
    expect(run([withRuntime(healthy(T0), true)]).entries[0]?.map((e) => e.kind)).toEqual(["health"]);
  });

  it("says nothing for a dashboard that runs no brokers", () => {
    const none = (at: number) => ({ ...healthy(at), runtime: { kind: "none" as const, available: false, reason: "RUNTIME=none" } });
    const { entries } = run([healthy(T0), none(T0 + 1000)]);
    expect(entries.flat().filter((x) => x.kind === "runtime")).toEqual([]);
  });
});
