// Shared helpers for the integration suite: the test cluster's runtime, and
// real kafkajs producers/consumers against it (no stand-ins).
import type { Kafka } from "kafkajs";
import { parseConfig, type Config } from "@/lib/config";
import { kafkaClient } from "@/lib/kafka/client";
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
