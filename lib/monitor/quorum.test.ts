import { describe, expect, it } from "vitest";
import { quorumHealth, quorumLost, VOTER_STALE_MS } from "./quorum";
import { member, proc, quorum, T0 } from "./test-data";
import type { BrokerProcess } from "@/lib/model/runtime";

const runtimeOf = (list: BrokerProcess[]) => (id: number) => list.find((p) => p.id === id) ?? null;
const none = () => null;

describe("quorumHealth", () => {
  it("counts every voter alive in a healthy quorum", () => {
    const q = quorumHealth(quorum(1, [1, 2, 3]), T0, runtimeOf([proc(1), proc(2), proc(3)]));
    expect(q).toEqual({ hasLeader: true, voters: 3, alive: 3, majority: 2, down: [] });
    expect(quorumLost(q)).toBe(false);
  });

  it("believes the runtime first: an exited or paused voter is down at once", () => {
    const q = quorumHealth(quorum(1, [1, 2, 3]), T0, runtimeOf([proc(1), proc(2, "exited"), proc(3, "paused")]));
    expect(q.down).toEqual([2, 3]);
    expect(q.alive).toBe(1);
    expect(quorumLost(q)).toBe(true);
  });

  it("keeps the quorum with one of three voters down", () => {
    const q = quorumHealth(quorum(1, [1, 2, 3]), T0, runtimeOf([proc(1), proc(2, "exited"), proc(3)]));
    expect(quorumLost(q)).toBe(false);
  });

  it("without a runtime, a voter that stopped fetching is down", () => {
    const state = quorum(9001, [9001, 9002, 9003]);
    state.voters[1] = member(9002, T0 - VOTER_STALE_MS - 1);
    const q = quorumHealth(state, T0, none);
    expect(q.down).toEqual([9002]);
    expect(quorumLost(q)).toBe(false);
  });

  it("treats the leader as alive even with an old fetch time, and unknown timestamps as alive", () => {
    const state = quorum(1, [1, 2, 3], T0 - 60_000);
    state.voters[1] = { ...member(2), lastFetchTimestamp: null };
    const q = quorumHealth(state, T0, none);
    expect(q.down).toEqual([3]);
  });

  it("is lost when there is no leader", () => {
    const q = quorumHealth(quorum(-1, [1, 2, 3]), T0, none);
    expect(q.hasLeader).toBe(false);
    expect(quorumLost(q)).toBe(true);
  });

  it("needs 3 of 5 voters", () => {
    const five = [1, 2, 3, 4, 5];
    const exited = [3, 4, 5].map((id) => proc(id, "exited"));
    const two = quorumHealth(quorum(1, five), T0, runtimeOf([proc(1), proc(2), ...exited]));
    expect(two.majority).toBe(3);
    expect(quorumLost(two)).toBe(true);
    const three = quorumHealth(quorum(1, five), T0, runtimeOf([proc(4, "exited"), proc(5, "exited")]));
    expect(quorumLost(three)).toBe(false);
  });
});
