import { describe, expect, it } from "vitest";
import type { CanaryObservation, CanaryWrite } from "@/lib/model/cluster";
import { canaryState, DISOWNED_AFTER, fenceDeadline, type CanaryInput } from "./canary";
import { part, T0 } from "./test-data";

const ok = (partition: number, ms = 3): CanaryWrite => ({ partition, broker: partition + 1, leader: partition + 1, ok: true, produceMs: ms, endToEndMs: ms + 1 });
const bad = (partition: number, error = "REQUEST_TIMED_OUT (acks not received in time)"): CanaryWrite => ({
  partition, broker: partition + 1, leader: partition + 1, ok: false, produceMs: null, endToEndMs: null, error,
});
const obs = (writes: CanaryWrite[], at = T0): CanaryObservation => ({ topic: "canary", at, writes });
const parts = [part("canary", 0, 1, [1, 2, 3]), part("canary", 1, 2, [2, 3, 1]), part("canary", 2, 3, [3, 1, 2])];
const input = (over: Partial<CanaryInput>): CanaryInput => ({
  observation: obs([ok(0), ok(1), ok(2)]), prev: null, partitions: parts, down: [], sessionTimeoutMs: 6000, quorumStatus: "ok", at: T0, ...over,
});

describe("canaryState", () => {
  it("is ok when every partition took its write, with the median latency", () => {
    const s = canaryState(input({ observation: obs([ok(0, 2), ok(1, 4), ok(2, 9)]) }));
    expect(s).toMatchObject({ status: "ok", reason: "3 canary partitions writable (median 4.0 ms)" });
    expect(s?.partitions.every((p) => p.failStreak === 0)).toBe(true);
  });

  it("is off (null) without an observation, unknown when the topic is missing", () => {
    expect(canaryState(input({ observation: null }))).toBeNull();
    const missing = canaryState(input({ observation: { topic: "canary", at: T0, writes: [], error: "canary topic canary does not exist" } }));
    expect(missing).toMatchObject({ status: "unknown", reason: "canary topic canary does not exist" });
  });

  it("calls writes stalled, not failing, while a dead broker Kafka has not fenced sits in the ISR", () => {
    const down = [{ id: 2, registered: true, downSince: T0 - 3000 }];
    const first = canaryState(input({ observation: obs([bad(0), bad(1), bad(2)]), down }));
    const second = canaryState(input({ observation: obs([bad(0), bad(1), bad(2)], T0 + 1000), at: T0 + 1000, prev: first, down }));
    expect(second?.status).toBe("stalled");
    expect(second?.reason).toBe("writes stalled until Kafka fences broker 2 (3 canary partitions not acknowledged)");
    expect(second?.partitions.map((p) => [p.failStreak, p.explained])).toEqual([[2, true], [2, true], [2, true]]);
  });

  it("counts a round once: a poll that sees the same round again adds no failure", () => {
    const fenced = [{ id: 2, registered: false, downSince: T0 - 60_000 }];
    const first = canaryState(input({ observation: obs([ok(0), bad(1), ok(2)]), down: fenced }));
    const again = canaryState(input({ observation: obs([ok(0), bad(1), ok(2)]), at: T0 + 1000, prev: first, down: fenced }));
    expect(again?.partitions[1]?.failStreak).toBe(1);
    expect(again?.status).toBe("stalled");
    const next = canaryState(input({ observation: obs([ok(0), bad(1), ok(2)], T0 + 2000), at: T0 + 2000, prev: again, down: fenced }));
    expect(next?.partitions[1]?.failStreak).toBe(2);
    expect(next?.status).toBe("failing");
  });

  it("calls writes failing once the broker was fenced (or should long have been) and writes still fail", () => {
    const fenced = [{ id: 2, registered: false, downSince: T0 - 60_000 }];
    const first = canaryState(input({ observation: obs([ok(0), bad(1), ok(2)]), down: fenced }));
    expect(first?.status).toBe("stalled");
    expect(first?.reason).toMatch(/failed once/);
    const second = canaryState(input({ observation: obs([ok(0), bad(1), ok(2)], T0 + 1000), at: T0 + 1000, prev: first, down: fenced }));
    expect(second?.status).toBe("failing");
    const late = [{ id: 2, registered: true, downSince: T0 - 60_000 }];
    expect(fenceDeadline(T0 - 60_000, 6000, T0)).toBeLessThan(T0);
    const stillListed = canaryState(input({ observation: obs([bad(1)]), prev: second, down: late }));
    expect(stillListed?.status).toBe("failing");
  });

  it("still explains a failure just after fencing, while the ISR shrink runs its course", () => {
    const justFenced = [{ id: 2, registered: false, downSince: T0 - 9000 }];
    const first = canaryState(input({ observation: obs([bad(1)]), down: justFenced }));
    const second = canaryState(input({ observation: obs([bad(1)]), prev: first, down: justFenced }));
    expect(second).toMatchObject({ status: "stalled", reason: "writes stalled while Kafka shrinks the ISRs and moves the leaders (1 canary partition not acknowledged)" });
  });

  it("explains every failure during a controller election", () => {
    const first = canaryState(input({ observation: obs([bad(0)]), quorumStatus: "electing" }));
    const second = canaryState(input({ observation: obs([bad(0)]), prev: first, quorumStatus: "electing" }));
    expect(second).toMatchObject({ status: "stalled", reason: "writes stalled until a controller is elected (1 canary partition not acknowledged)" });
  });

  it("resets a partition's streak when its write succeeds", () => {
    const first = canaryState(input({ observation: obs([bad(0)]) }));
    const back = canaryState(input({ observation: obs([ok(0)]), prev: first }));
    expect(back?.partitions[0]?.failStreak).toBe(0);
  });
});

describe("canaryState: a leader that disowns its partition", () => {
  const fenced = [{ id: 9, registered: false, downSince: T0 - 600_000 }];
  const rounds = (n: number, write: () => CanaryWrite) => {
    let s = canaryState(input({ observation: obs([ok(0), write(), ok(2)]) }));
    for (let i = 1; i < n; i++) s = canaryState(input({ observation: obs([ok(0), write(), ok(2)], T0 + i * 1000), at: T0 + i * 1000, prev: s, down: fenced }));
    return s;
  };

  it("says so once the metadata's leader has refused with NOT_LEADER_OR_FOLLOWER for DISOWNED_AFTER rounds", () => {
    const notLeader = () => bad(1, "NOT_LEADER_OR_FOLLOWER");
    expect(rounds(DISOWNED_AFTER - 1, notLeader)?.reason).toBe("canary writes failing (2's partition): NOT_LEADER_OR_FOLLOWER");
    const s = rounds(DISOWNED_AFTER + 2, notLeader);
    expect(s?.status).toBe("failing");
    expect(s?.reason).toBe(`canary writes failing (2's partition): NOT_LEADER_OR_FOLLOWER (broker 2 refused it ${DISOWNED_AFTER + 2} rounds in a row although Kafka's metadata names it the leader)`);
  });

  it("says nothing of the kind for another error, however long it lasts", () => {
    expect(rounds(DISOWNED_AFTER + 2, () => bad(1))?.reason).toBe("canary writes failing (2's partition): REQUEST_TIMED_OUT (acks not received in time)");
  });
});
