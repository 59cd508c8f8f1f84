// Background traffic against the real test cluster: a run stops by itself at
// its count bound with every event consumed by every handler that reads it,
// a second run is refused while one goes on, and the groups' committed lag
// falls back to 0. (Consumption across a broker kill, the error path and the
// stage figures are event-flow.int.test.ts's.)
import { describe, expect, it } from "vitest";
import { TRAFFIC_GROUPS, TRAFFIC_SUBSCRIPTIONS, trafficParamsSchema, type TrafficGroup } from "@/lib/traffic/params";
import { TrafficRunner } from "@/lib/traffic/runner";
import { TrafficService } from "@/lib/traffic/service";
import { pollUntil } from "@/lib/util/poll";
import { testKafka, testRuntime } from "./helpers";

/** Committed-offset lag of a group over the category topics, read independently with the admin client. */
async function committedLag(groupId: TrafficGroup): Promise<number> {
  const admin = testKafka("it-lag").admin();
  await admin.connect();
  try {
    let lag = 0;
    for (const topic of TRAFFIC_SUBSCRIPTIONS[groupId]) {
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      for (const e of ends) {
        const c = Number(committed?.partitions.find((p) => p.partition === e.partition)?.offset ?? -1);
        // A partition the group never committed on only counts if it has data it never read.
        lag += Math.max(0, Number(e.high) - Math.max(c, 0));
      }
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}

describe("background traffic", () => {
  it("stops by itself at its count bound, every event consumed, and refuses a second run meanwhile", async () => {
    const service = new TrafficService(testRuntime().bootstrap);
    const t0 = Date.now();
    const status = await service.start(trafficParamsSchema.parse({ rate: 500, durationSec: 60, maxEvents: 300 }));
    expect(status.state).toBe("running");
    await expect(service.start(trafficParamsSchema.parse({ rate: 10, durationSec: 5 }))).rejects.toMatchObject({ status: 409, code: "traffic_running" });
    await service.settled();
    const s = service.status()!;
    expect(s.stoppedReason).toBe("count");
    expect(s.state).toBe("stopped");
    expect(s.produced).toBe(300);
    expect(Date.now() - t0).toBeLessThan(40_000);
    // Analytics reads every category: it consumed every event once.
    expect(s.groups.find((g) => g.groupId === "analytics")!.consumed).toBe(300);
    expect(s.groups.find((g) => g.groupId === "notification")!.work.alerts).toBeGreaterThan(0);
    for (const g of TRAFFIC_GROUPS) {
      const zero = await pollUntil(async () => (await committedLag(g)) === 0, { timeoutMs: 30_000, intervalMs: 1000 });
      expect(zero, `${g} lag back to 0 (still ${await committedLag(g)})`).toBe(true);
    }
  });

  it("a runner alone is bounded too", async () => {
    const runner = new TrafficRunner(testRuntime().bootstrap, trafficParamsSchema.parse({ rate: 50, durationSec: 2 }));
    await runner.start();
    await runner.done();
    const s = runner.status();
    expect(s.stoppedReason).toBe("time");
    expect(s.produced).toBe(100);
  });
});
