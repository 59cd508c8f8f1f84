// Consumer-group lag on the dashboard against Kafka's own figures. The lag is the
// high watermark (one ListOffsets per leader, asked beside the metadata) minus the
// committed offset (from the group's coordinator, in the background): both sides
// lose a source when a broker dies, so the test kills the broker that coordinates
// the group and leads one of its partitions. With nothing written or committed
// meanwhile the true lag stays constant, so every sample must show it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kafka } from "kafkajs";
import type { ClusterSnapshot } from "@/lib/model/cluster";
import { pollUntil, sleep } from "@/lib/util/poll";
import { groupCoordinator } from "../matrix/probes";
import { cluster } from "./api-client";
import { testKafka, testRuntime, waitHealed } from "./helpers";

const TOPIC = "it_lag_truth";
const GROUP = "it-lag-truth";
const PER_PARTITION = 10;
const runtime = testRuntime();
let kafka: Kafka;

/** Kafka's own lag of the group: the high watermarks and committed offsets through the test's admin client. */
async function kafkasLag(): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [ends, committed] = await Promise.all([admin.fetchTopicOffsets(TOPIC), admin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] })]);
    const at = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
    return ends.reduce((sum, e) => sum + Number(e.high) - Math.max(0, at.get(e.partition) ?? 0), 0);
  } finally {
    await admin.disconnect();
  }
}

const lagShown = (s: ClusterSnapshot) => s.groups.find((g) => g.groupId === GROUP);

beforeAll(async () => {
  expect(await waitHealed()).toBe(true);
  kafka = testKafka("it-lag");
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [TOPIC] }).catch(() => undefined);
    await pollUntil(async () => !(await admin.listTopics()).includes(TOPIC), { timeoutMs: 30_000, intervalMs: 250 });
    // Each broker leads one partition, so whichever broker coordinates the group also leads one.
    const ids = runtime.brokerIds;
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: TOPIC, replicaAssignment: ids.map((_, i) => ({ partition: i, replicas: ids.map((__, k) => ids[(i + k) % ids.length] as number) })) }],
    });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: TOPIC,
      acks: -1,
      messages: ids.flatMap((_, partition) => Array.from({ length: PER_PARTITION }, (__, k) => ({ partition, value: `lag ${partition}/${k}` }))),
    });
    await producer.disconnect();
    // Committed at the start: the group lags by everything written.
    await admin.setOffsets({ groupId: GROUP, topic: TOPIC, partitions: ids.map((_, partition) => ({ partition, offset: "0" })) });
  } finally {
    await admin.disconnect();
  }
});

afterAll(async () => {
  expect(await waitHealed()).toBe(true);
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteGroups([GROUP]).catch(() => undefined);
  await admin.deleteTopics({ topics: [TOPIC] }).catch(() => undefined);
  await admin.disconnect();
});

describe("consumer-group lag against Kafka's own figures", () => {
  const total = () => runtime.brokerIds.length * PER_PARTITION;

  it("equals Kafka's own lag when the cluster is whole", async () => {
    expect(await kafkasLag()).toBe(total());
    // The group list is refreshed every 10 s: the group shows up within that.
    let shown: number | undefined;
    await pollUntil(async () => (shown = lagShown(await cluster())?.totalLag) === total(), { timeoutMs: 60_000, intervalMs: 500 });
    expect(shown).toBe(total());
  });

  it("never falls below the truth while the broker coordinating the group (and leading a partition) is down", async () => {
    const victim = await groupCoordinator(runtime.bootstrap[0] as string, GROUP);
    await runtime.kill(victim);
    const wrong: string[] = [];
    let samples = 0;
    const t0 = Date.now();
    // Through fencing (6 s session), the elections and the coordinator's move: nothing is written, so the lag must not move.
    while (Date.now() - t0 < 15_000) {
      const s = await cluster();
      const g = lagShown(s);
      samples++;
      if (!g) wrong.push(`at ${Date.now() - t0} ms the group is not shown`);
      else if (g.totalLag !== total()) wrong.push(`at ${Date.now() - t0} ms lag ${g.totalLag} shown, truth ${total()} (broker ${victim} ${s.brokers.find((b) => b.id === victim)?.state})`);
      await sleep(250); // the sampling cadence, not a wait for a condition
    }
    expect(samples).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
    // Kafka's own answer once it has moved on (the new coordinator and leaders): the same lag.
    expect(await kafkasLag()).toBe(total());
  });
});
