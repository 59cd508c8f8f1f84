import { describe, expect, it } from "vitest";
import type { BrokerProcess } from "@/lib/model/runtime";
import { ELECTION_GRACE_MS, quorumVerdict, VOTER_STALE_MS, type QuorumInput } from "./quorum";
import { member, proc, quorum, T0, voterViews } from "./test-data";

const runtimeOf = (list: BrokerProcess[]) => (id: number) => list.find((p) => p.id === id) ?? null;
const none = () => null;
const ids = [1, 2, 3];
const verdict = (over: Partial<QuorumInput>) =>
  quorumVerdict({ quorum: quorum(1, ids), views: voterViews(1, ids), via: "controllers", at: T0, runtimeOf: none, prevNoLeaderSince: null, ...over });

describe("quorumVerdict", () => {
  it("is ok with a leader that confirmed itself and every voter answering", () => {
    const v = verdict({ runtimeOf: runtimeOf([proc(1), proc(2), proc(3)]) });
    expect(v).toMatchObject({ status: "ok", activeControllerId: 1, voters: 3, alive: 3, majority: 2, down: [], noLeaderSince: null });
    expect(v.reason).toBe("controller 1 active, 3 of 3 voters alive");
  });

  it("believes the runtime first: an exited or paused voter is down at once", () => {
    const v = verdict({ runtimeOf: runtimeOf([proc(1), proc(2, "exited"), proc(3, "paused")]) });
    expect(v.down).toEqual([2, 3]);
    expect(v.status).toBe("lost");
    expect(v.reason).toBe("KRaft quorum lost: 1 of 3 controllers alive, 2 needed");
  });

  it("does not count a voter cut off by our network fault, nor its stale claim to lead", () => {
    // Voter 1 partitioned still answers us as leader; 2 and 3 elected 2 meanwhile.
    const views = voterViews(2, ids).map((v) => (v.id === 1 ? { ...v, leaderId: 1, confirmedLeader: true } : v));
    const partitioned = { ...proc(1), faults: [{ kind: "partition" as const, since: T0 - 5000 }] };
    const v = verdict({ quorum: quorum(2, ids), views, runtimeOf: runtimeOf([partitioned, proc(2), proc(3)]) });
    expect(v).toMatchObject({ status: "ok", activeControllerId: 2, alive: 2, down: [1] });
  });

  it("calls the quorum lost when the lone survivor still names its dead leader (pre-vote keeps it)", () => {
    // Voters 1 and 2 killed: 3 answers, names 1 as leader, but nobody confirms leadership.
    const views = voterViews(1, ids, T0, [1, 2]).map((v) => (v.id === 3 ? { ...v, leaderId: 1 } : v));
    const v = verdict({ quorum: null, views, runtimeOf: runtimeOf([proc(1, "exited"), proc(2, "exited"), proc(3)]) });
    expect(v).toMatchObject({ status: "lost", activeControllerId: null, alive: 1, down: [1, 2], noLeaderSince: T0 });
  });

  it("keeps the quorum with one of three voters down", () => {
    const v = verdict({ views: voterViews(1, ids, T0, [2]), runtimeOf: runtimeOf([proc(1), proc(2, "exited"), proc(3)]) });
    expect(v).toMatchObject({ status: "ok", alive: 2, down: [2] });
  });

  it("calls a leaderless quorum with a live majority an election, then lost after the grace", () => {
    const views = voterViews(-1, ids, T0, [1]).map((v) => ({ ...v, confirmedLeader: false }));
    const rt = runtimeOf([proc(1, "paused"), proc(2), proc(3)]);
    const first = verdict({ quorum: null, views, runtimeOf: rt });
    expect(first).toMatchObject({ status: "electing", noLeaderSince: T0, alive: 2 });
    expect(first.reason).toMatch(/^no active controller for 0\.0 s: electing one \(2 of 3 voters alive\)$/);
    const still = verdict({ quorum: null, views, runtimeOf: rt, at: T0 + ELECTION_GRACE_MS - 1, prevNoLeaderSince: T0 });
    expect(still.status).toBe("electing");
    const late = verdict({ quorum: null, views, runtimeOf: rt, at: T0 + ELECTION_GRACE_MS, prevNoLeaderSince: T0 });
    expect(late.status).toBe("lost");
    expect(late.reason).toBe("no active controller for 8.0 s (2 of 3 voters alive)");
  });

  it("does not take a paused voter's stale claim of leadership as proof", () => {
    const v = verdict({ runtimeOf: runtimeOf([proc(1, "paused"), proc(2), proc(3)]), views: voterViews(1, ids) });
    expect(v.activeControllerId).toBeNull();
    expect(v.status).toBe("electing");
  });

  it("treats a quorum nobody could describe as a finding: no active controller, lost after the grace", () => {
    const first = verdict({ quorum: null, views: [], via: "brokers" });
    expect(first).toMatchObject({ status: "electing", voters: 0, noLeaderSince: T0 });
    const late = verdict({ quorum: null, views: [], via: "brokers", at: T0 + ELECTION_GRACE_MS, prevNoLeaderSince: T0 });
    expect(late.status).toBe("lost");
    expect(late.reason).toMatch(/could not be described/);
  });

  it("through brokers, without a runtime, a voter that stopped fetching is down", () => {
    const state = quorum(9001, [9001, 9002, 9003]);
    state.voters[1] = member(9002, T0 - VOTER_STALE_MS - 1);
    const v = verdict({ quorum: state, views: [], via: "brokers" });
    expect(v).toMatchObject({ status: "ok", activeControllerId: 9001, down: [9002] });
  });

  it("through brokers, treats the leader as alive and unknown timestamps as alive", () => {
    const state = quorum(1, ids, T0 - 60_000);
    state.voters[1] = { ...member(2), lastFetchTimestamp: null };
    expect(verdict({ quorum: state, views: [], via: "brokers" }).down).toEqual([3]);
  });

  it("needs 3 of 5 voters", () => {
    const five = [1, 2, 3, 4, 5];
    const two = verdict({ quorum: quorum(1, five), views: voterViews(1, five, T0, [3, 4, 5]) });
    expect(two).toMatchObject({ status: "lost", majority: 3, alive: 2 });
    const three = verdict({ quorum: quorum(1, five), views: voterViews(1, five, T0, [4, 5]) });
    expect(three.status).toBe("ok");
  });
});
