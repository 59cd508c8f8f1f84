// Stage accounting with plain numbers: what goes in at each stage comes out in
// the figures, every delivery ends in one outcome, and the chart points add up.
import { describe, expect, it } from "vitest";
import { FlowRecorder, type FlowContext } from "./recorder";

const T0 = 1_700_000_000_000;
const ctx = (over: Partial<FlowContext> = {}): FlowContext => ({
  backlog: 0, storedClock: "LogAppendTime", configuredRate: 1000, running: true, startedAt: T0, producedUntil: null, ...over,
});

/** 10 s of a tiny flow: 100 events/s, 2 % failing on the feed's first attempt, one poison event dead-lettered. */
function run(): FlowRecorder {
  const r = new FlowRecorder();
  const feed = r.handlers.feed;
  for (let s = 0; s < 10; s++) {
    const now = T0 + s * 1000 + 100;
    for (let i = 0; i < 100; i++) r.created.record(0.02, 1, now);
    r.published.record(4, 60, now);
    r.published.record(8, 40, now);
    r.stored.record(6, 100, now);
    for (let i = 0; i < 100; i++) {
      feed.deliver(3, now);
      if (i < 2) {
        feed.fail(now); // first attempt fails
        feed.retryWritten(now);
        feed.retriesTaken++;
        if (s === 0 && i === 0) {
          feed.fail(now); // the poison one fails again, and for good
          feed.deadLetterWritten(now);
        } else feed.succeed(1, 250, true, now);
      } else feed.succeed(2, 30, false, now);
    }
  }
  return r;
}

describe("FlowRecorder", () => {
  it("counts every stage and keeps rates and percentiles per stage", () => {
    const f = run().figures(T0 + 10_500, ctx());
    expect(f.created.total).toBe(1000);
    expect(f.published.total).toBe(1000);
    expect(f.published.perSec).toBe(100);
    expect(f.published.latencyRun.p50).toBeCloseTo(4, 1);
    expect(f.published.latencyRun.p99).toBeCloseTo(8, 1);
    expect(f.created.latency.p99).toBeCloseTo(0.02, 3);
    expect(f.stored.total).toBe(1000);
  });

  it("accounts for every delivery: handled + dead-lettered + pending retries, nothing in between", () => {
    const h = run().figures(T0 + 10_500, ctx()).handlers.find((x) => x.handler === "feed")!;
    expect(h.delivered).toBe(1000);
    expect(h.handled).toBe(999);
    expect(h.deadLettered).toBe(1);
    expect(h.handledAfterRetry).toBe(19);
    expect(h.retried).toBe(20);
    expect(h.pendingRetries).toBe(0);
    expect(h.inProgress).toBe(0);
    expect(h.attempts).toBe(1000 + 20);
    expect(h.failures).toBe(21);
    expect(h.errorRate).toBeCloseTo(21 / 1020, 10);
    expect(h.deadLetterRate).toBeCloseTo(1 / 1000, 10);
    expect(h.processingRun.p99).toBeCloseTo(2, 1);
    expect(h.endToEndRun.max).toBeCloseTo(250, 0);
  });

  it("shows an event between two states as in progress, and a retry not yet taken as pending", () => {
    const r = new FlowRecorder();
    const n = r.handlers.notification;
    n.deliver(1, T0);
    n.fail(T0);
    expect(r.figures(T0, ctx()).handlers[1]!.inProgress).toBe(1); // its retry is being written
    n.retryWritten(T0);
    const f = r.figures(T0, ctx()).handlers[1]!;
    expect([f.pendingRetries, f.inProgress]).toEqual([1, 0]);
  });

  it("judges the run's targets on whole-run figures once it is over", () => {
    const f = run().figures(T0 + 60_000, ctx({ running: false, producedUntil: T0 + 10_000, configuredRate: 100 }));
    const byId = Object.fromEntries(f.targets.map((t) => [t.id, t]));
    expect(byId.creation!.verdict).toBe("met");
    expect(byId.publish!.verdict).toBe("missed"); // p99 8 ms ≥ 5 ms
    expect(byId.handler!.verdict).toBe("met");
    expect(byId.ui!.verdict).toBe("no-data");
    expect(byId.throughput!.value).toBe(100);
    expect(byId.throughput!.verdict).toBe("not-tested"); // the operator asked for 100/s
    expect(byId.errorRate!.verdict).toBe("missed");
  });

  it("appends one chart point per whole second, bounded, with the second's rates and p99", () => {
    const r = run();
    r.tick(T0 + 3_050, 7); // points for the seconds before, up to T0+2 s
    r.tick(T0 + 3_900, 7); // same second: nothing new
    const points = r.history(3600, T0 + 4000);
    const last = points.at(-1)!;
    expect(last.at).toBe(T0 + 2000);
    expect(points.length).toBe(1);
    expect(last.created).toBe(100);
    expect(last.handled.feed).toBe(100); // 98 at the first attempt, 2 on their retry
    expect(last.failures).toBe(2);
    expect(last.publishP99).toBeCloseTo(8, 1);
    expect(last.backlog).toBe(7);
    for (let s = 4; s < 1200; s++) r.tick(T0 + s * 1000 + 10, 0);
    expect(r.history(3600, T0 + 1_200_000).length).toBe(900);
  });
});
