// Background traffic against the real test cluster: the three consumer groups
// consume, keep consuming across a broker kill, the run stops by itself at its
// time or count bound, and the groups' committed lag falls back to 0.
import { afterAll, describe, expect, it } from "vitest";
import { STREAMSOCIAL_TOPICS } from "@/lib/events/topics";
import { TRAFFIC_GROUPS, TRAFFIC_SUBSCRIPTIONS, type TrafficGroup } from "@/lib/traffic/params";
import { TrafficRunner } from "@/lib/traffic/runner";
import { TrafficService } from "@/lib/traffic/service";
import { pollUntil, sleep } from "@/lib/util/poll";
import { busiestLeader, partitions, testKafka, testRuntime, waitHealed } from "./helpers";

const topics = STREAMSOCIAL_TOPICS.map((t) => t.name);

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

afterAll(async () => {
  expect(await waitHealed()).toBe(true);
});

describe("background traffic", () => {
  it("is consumed by feed, notification and analytics, keeps being consumed across a broker kill, and stops at its time bound", async () => {
    const runtime = testRuntime();
    const service = new TrafficService(runtime.bootstrap);
    const status = await service.start({ rate: 200, durationSec: 45 });
    expect(status.state).toBe("running");
    await expect(service.start({ rate: 10, durationSec: 5 })).rejects.toMatchObject({ status: 409, code: "traffic_running" });

    await sleep(8000);
    const before = service.status()!;
    for (const g of before.groups) expect(g.consumed, g.groupId).toBeGreaterThan(0);
    expect(before.groups.map((g) => g.groupId)).toEqual([...TRAFFIC_GROUPS]);

    const victim = busiestLeader(await partitions(testKafka("it-traffic"), ["user_action"]));
    await runtime.kill(victim);
    const atKill = service.status()!;
    await sleep(20_000);
    const after = service.status()!;
    for (const g of after.groups) {
      const was = atKill.groups.find((x) => x.groupId === g.groupId)!;
      expect(g.consumed - was.consumed, `${g.groupId} after the kill`).toBeGreaterThan(500);
    }
    expect(after.produced - atKill.produced).toBeGreaterThan(1000);
    await runtime.start(victim);

    await service.settled();
    const end = service.status()!;
    expect(end.state).toBe("stopped");
    expect(end.stoppedReason).toBe("time");
    expect(end.produced).toBeLessThanOrEqual(200 * 45);
    expect(end.produced).toBeGreaterThan(200 * 45 * 0.8);
    // Analytics sees every topic: it consumed every event produced (at least once).
    expect(end.groups.find((g) => g.groupId === "analytics")!.consumed).toBeGreaterThanOrEqual(end.produced);
    const work = end.groups.find((g) => g.groupId === "notification")!.work;
    expect(work.alerts).toBeGreaterThan(0);
    for (const g of TRAFFIC_GROUPS) {
      const zero = await pollUntil(async () => (await committedLag(g)) === 0, { timeoutMs: 30_000, intervalMs: 1000 });
      expect(zero, `${g} lag back to 0 (still ${await committedLag(g)})`).toBe(true);
    }
    expect(await waitHealed()).toBe(true);
  });

  it("stops by itself at its count bound", async () => {
    const runner = new TrafficRunner(testRuntime().bootstrap, { rate: 500, durationSec: 60, maxEvents: 300 });
    const t0 = Date.now();
    await runner.start();
    await runner.done();
    const s = runner.status();
    expect(s.stoppedReason).toBe("count");
    expect(s.produced).toBe(300);
    expect(Date.now() - t0).toBeLessThan(40_000);
    expect(s.groups.find((g) => g.groupId === "analytics")!.consumed).toBe(300);
  });
});
