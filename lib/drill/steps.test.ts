import { describe, expect, it } from "vitest";
import { reasonKey, stepReports, topReasons, type StepInputs, type StepRecord } from "./steps";

const T0 = Date.UTC(2026, 11, 1, 12, 0, 0);
const s = (sec: number) => T0 + sec * 1000;

const step = (over: Partial<StepRecord>): StepRecord => ({
  index: 0, kind: "break", action: "pause", brokerId: 1, atSec: 10, waitBackInIsr: false, label: "freeze broker 1 at 10 s",
  startedAt: s(10), doneAt: s(10.02), error: null, movedPartitions: [2, 5], backInIsrAt: null, ...over,
});

function inputs(over: Partial<StepInputs> = {}): StepInputs {
  const acks = [];
  for (let ms = 0; ms < 30_000; ms += 100) acks.push({ t: T0 + ms, count: ms >= 10_000 && ms < 16_000 ? 0 : 100 });
  return {
    startedAt: T0,
    finishedAt: s(30),
    acks,
    errors: [
      { t: s(12), count: 50, reason: "broker 1: 127.0.0.1:19092 did not answer within 2000 ms" },
      { t: s(14), count: 30, reason: "leader of partition 2 moved from broker 1 to 3 while the batch waited" },
      { t: s(14.1), count: 20, reason: "leader of partition 5 moved from broker 1 to 2 while the batch waited" },
      { t: s(25), count: 7, reason: "after the thaw" },
    ],
    // Broker 1 acks partition 2 at 10.03 s (in flight before the freeze): not a failover write.
    partitionAcks: [
      { partition: 2, t: s(10.03), broker: 1 },
      { partition: 2, t: s(16.4), broker: 3 },
      { partition: 5, t: s(16.1), broker: 2 },
    ],
    moves: [
      { t: s(15.9), partition: 2, from: 1, to: 3 },
      { t: s(15.9), partition: 5, from: 1, to: 2 },
    ],
    registered: [
      { t: s(9.9), ids: [1, 2, 3] },
      { t: s(15.8), ids: [2, 3] },
      { t: s(21), ids: [1, 2, 3] },
    ],
    controllers: [{ t: s(1), id: 2 }],
    ...over,
  };
}

describe("stepReports", () => {
  it("splits a failover into Kafka's part (fencing, election) and the client's (election → first write)", () => {
    const [r] = stepReports([step({})], inputs());
    expect(r!.atActualSec).toBe(10);
    expect(r!.actionMs).toBe(20);
    expect(r!.fencedMs).toBe(5_800);
    expect(r!.failover).toEqual([
      { partition: 2, electedMs: 5_900, firstWriteMs: 6_400, clientMs: 500 },
      { partition: 5, electedMs: 5_900, firstWriteMs: 6_100, clientMs: 200 },
    ]);
    expect([r!.kafkaPartMs, r!.clientPartMs]).toEqual([5_900, 500]);
    expect(r!.newControllerMs).toBeNull(); // broker 1 was not the controller
  });

  it("counts each window's traffic and its most frequent failure reasons up to the next step", () => {
    const steps = [step({}), step({ index: 1, kind: "restore", action: "resume", atSec: 20, startedAt: s(20), doneAt: s(20.01), movedPartitions: [], backInIsrAt: s(22.5) })];
    const [brk, back] = stepReports(steps, inputs());
    expect(brk!.window).toEqual({
      fromSec: 10,
      toSec: 20,
      acksPerSec: 400, // 4 s of 1,000/s in 10 s
      failedAttempts: 100,
      reasons: [
        { reason: "leader of partition N moved from broker 1 to 3 while the batch waited", count: 30 },
        { reason: "broker 1: 127.0.0.1:19092 did not answer within 2000 ms", count: 50 },
        { reason: "leader of partition N moved from broker 1 to 2 while the batch waited", count: 20 },
      ].sort((a, b) => b.count - a.count),
    });
    expect(back!.window).toMatchObject({ fromSec: 20, toSec: 30, acksPerSec: 1000, failedAttempts: 7 });
    expect(back!.backInIsrMs).toBe(2_500);
    expect(back!.failover).toEqual([]); // a restore moves nothing away
  });

  it("times the new controller when the step broke the active one; null figures when nothing came", () => {
    const [r] = stepReports([step({ brokerId: 2, movedPartitions: [0] })], inputs({
      controllers: [{ t: s(9), id: 2 }, { t: s(11), id: null }, { t: s(13.5), id: 3 }],
      moves: [],
      partitionAcks: [],
    }));
    expect(r!.newControllerMs).toBe(3_500);
    expect(r!.failover).toEqual([{ partition: 0, electedMs: null, firstWriteMs: null, clientMs: null }]);
    expect([r!.kafkaPartMs, r!.clientPartMs, r!.fencedMs]).toEqual([null, null, null]);
  });

  it("a step that never ran has no times", () => {
    const [r] = stepReports([step({ startedAt: null, doneAt: null })], inputs());
    expect([r!.atActualSec, r!.actionMs, r!.fencedMs, r!.backInIsrMs]).toEqual([null, null, null, null]);
  });
});

describe("failure reasons", () => {
  it("counts like reasons together, most frequent first", () => {
    expect(reasonKey("leader of partition 12 moved")).toBe("leader of partition N moved");
    const e = [{ t: 1, count: 2, reason: "a" }, { t: 2, count: 5, reason: "b" }, { t: 3, count: 4, reason: "a" }, { t: 9, count: 100, reason: "late" }];
    expect(topReasons(e, 0, 5)).toEqual([{ reason: "a", count: 6 }, { reason: "b", count: 5 }]);
  });
});
