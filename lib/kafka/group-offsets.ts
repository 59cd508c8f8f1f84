// Committed offsets of the traffic's consumer groups, moved with the admin client
// while the group is empty (Kafka refuses it for a group with live members).
import type { Admin } from "kafkajs";
import { kafkaClient } from "./client";

/** topic → partition → next offset to read (what a commit should say). */
export type ProcessedOffsets = Map<string, Map<number, number>>;

/** Moves the (now empty) group's committed offsets up to what was processed; never backwards. */
export async function commitProcessed(admin: Admin, groupId: string, processed: ProcessedOffsets): Promise<void> {
  if (processed.size === 0) return;
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics: [...processed.keys()] });
    for (const [topic, partitions] of processed) {
      const have = committed.find((t) => t.topic === topic)?.partitions ?? [];
      const behind = [...partitions]
        .filter(([p, next]) => next > Number(have.find((x) => x.partition === p)?.offset ?? -1))
        .map(([partition, next]) => ({ partition, offset: String(next) }));
      if (behind.length > 0) await admin.setOffsets({ groupId, topic, partitions: behind });
    }
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/**
 * Points the groups at the end of their topics, so a traffic run handles the
 * events it made and not what an interrupted run before it left behind (those
 * would count as this run's, with latencies of minutes).
 */
export async function skipToEnd(bootstrap: readonly string[], groups: ReadonlyMap<string, readonly string[]>): Promise<void> {
  const admin = kafkaClient({ bootstrap, clientId: "streamsocial-traffic-setup", timeoutMs: 10_000, retries: 3 }).admin();
  await admin.connect();
  try {
    const ends = new Map<string, { partition: number; offset: string }[]>();
    for (const topics of groups.values()) {
      for (const topic of topics) {
        if (!ends.has(topic)) ends.set(topic, (await admin.fetchTopicOffsets(topic)).map((o) => ({ partition: o.partition, offset: o.high })));
      }
    }
    for (const [groupId, topics] of groups) {
      for (const topic of topics) await admin.setOffsets({ groupId, topic, partitions: ends.get(topic) ?? [] });
    }
  } finally {
    await admin.disconnect().catch(() => {});
  }
}
