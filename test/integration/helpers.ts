// Shared helpers for the integration suite: the test cluster's runtime, and
// real kafkajs producers/consumers against it (no stand-ins).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Kafka } from "kafkajs";
import { STREAMSOCIAL_TOPICS } from "@/lib/events/topics";
import { parseConfig, type Config } from "@/lib/config";
import { kafkaClient } from "@/lib/kafka/client";
import { LivenessProber } from "@/lib/kafka/liveness";
import { localRuntimeFromConfig } from "@/lib/runtime/local-cluster";
import type { LocalRuntime } from "@/lib/runtime/local";
import { pollUntil } from "@/lib/util/poll";
import { INTEGRATION_ENV } from "./env";

export const testConfig = (): Config => parseConfig({ ...process.env, ...INTEGRATION_ENV });
export const testRuntime = (): LocalRuntime => localRuntimeFromConfig(testConfig());
export const testKafka = (clientId = "it"): Kafka =>
  kafkaClient({ bootstrap: testRuntime().bootstrap, clientId, timeoutMs: 5000, retries: 10 });

/**
 * Consumes `topic` from the beginning in a fresh group until `expected` values
 * starting with `prefix` are seen (or the time runs out). The prefix matters:
 * other suites (traffic, drills) write to the same topics first.
 */
export async function consumeAll(kafka: Kafka, topic: string, expected: number, timeoutMs = 60_000, prefix = ""): Promise<string[]> {
  const consumer = kafka.consumer({ groupId: `it-${topic}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}` });
  const seen: string[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let matching = 0;
    await consumer.run({
      eachMessage: async ({ message }) => {
        const value = message.value?.toString() ?? "";
        seen.push(value);
        if (value.startsWith(prefix)) matching++;
      },
    });
    await pollUntil(() => matching >= expected, { timeoutMs, intervalMs: 100 });
    return seen;
  } finally {
    await consumer.disconnect();
  }
}

export interface PartitionView {
  topic: string;
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
}

export async function partitions(kafka: Kafka, topics: string[]): Promise<PartitionView[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const md = await admin.fetchTopicMetadata({ topics });
    return md.topics.flatMap((t) =>
      t.partitions.map((p) => ({ topic: t.name, partition: p.partitionId, leader: p.leader, replicas: p.replicas, isr: p.isr })),
    );
  } finally {
    await admin.disconnect();
  }
}

/** The broker that leads the most of these partitions. */
export function busiestLeader(parts: PartitionView[]): number {
  const counts = new Map<number, number>();
  for (const p of parts) counts.set(p.leader, (counts.get(p.leader) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 1;
}

/**
 * Every broker running and answering on its own listener, and every replica of
 * every StreamSocial topic back in sync. The ISRs alone are not proof: a broker
 * SIGKILLed a few seconds ago is still in every ISR (Kafka drops it only after
 * replica.lag.time.max.ms), so right after a kill and a restart they read "full"
 * while the restarted broker is still loading its logs. A broker answers
 * ApiVersions only once its acceptors start, after it has registered again — and
 * registering again takes it out of the ISRs until it has caught up.
 */
export async function waitHealed(timeoutMs = 150_000): Promise<boolean> {
  const runtime = testRuntime();
  for (const p of await runtime.list()) {
    if (p.status === "paused") await runtime.resume(p.id);
    else if (p.status !== "running") await runtime.start(p.id);
  }
  const kafka = testKafka("it-heal");
  const topics = STREAMSOCIAL_TOPICS.map((t) => t.name);
  return pollUntil(
    async () =>
      (await allAnswer(runtime.bootstrap)) &&
      (await partitions(kafka, topics)).every((p) => p.isr.length === p.replicas.length && p.leader >= 0),
    { timeoutMs, intervalMs: 1000 },
  );
}

/**
 * Whether every address answers ApiVersions on a connection of its own: a broker
 * does once its acceptors are up, at the very end of its start, after it has
 * registered again. (Its registration and the ISRs outlive a SIGKILL by seconds.)
 */
export async function allAnswer(addresses: readonly string[]): Promise<boolean> {
  const prober = new LivenessProber("it-answer", 2000);
  try {
    return (await Promise.all(addresses.map((a) => prober.probe(a)))).every((p) => p.ok);
  } finally {
    prober.close();
  }
}

/**
 * Moves every leader back to its preferred replica with Kafka's own
 * LeaderElectionCommand. After an earlier test's restart, leadership is
 * unbalanced and Kafka's auto-rebalance may move it at any moment; once every
 * leader is preferred it has nothing left to move until a test breaks something.
 */
export async function electPreferredLeaders(): Promise<void> {
  const cfg = testConfig();
  await promisify(execFile)(
    cfg.JAVA_BIN,
    ["-Xmx128m", "-cp", `${path.join(cfg.kafkaHome, "libs")}/*`, "org.apache.kafka.tools.LeaderElectionCommand",
      "--bootstrap-server", testRuntime().bootstrap.join(","), "--election-type", "PREFERRED", "--all-topic-partitions"],
    { timeout: 60_000 },
  );
}
