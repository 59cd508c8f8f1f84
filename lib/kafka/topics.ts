// Creating topics idempotently and waiting until every partition has a leader.
import { STREAMSOCIAL_TOPICS, type TopicSpec } from "@/lib/events/topics";
import { pollUntil } from "@/lib/util/poll";
import { kafkaClient } from "./client";

export interface EnsureTopicsResult {
  created: string[];
  existing: string[];
}

/**
 * `brokers`: how many brokers the cluster has, when the caller knows; with fewer
 * than three the replication is fitted (RF = brokers, min ISR 1), as the local
 * runtime's broker settings are.
 */
export async function ensureTopics(bootstrap: readonly string[], specs: readonly TopicSpec[], brokers?: number): Promise<EnsureTopicsResult> {
  const rfOf = (s: TopicSpec) => (brokers === undefined ? s.replicationFactor : Math.min(s.replicationFactor, brokers));
  const admin = kafkaClient({ bootstrap, clientId: "streamsocial-setup", timeoutMs: 10_000, retries: 5 }).admin();
  await admin.connect();
  try {
    const have = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !have.has(s.name));
    if (missing.length > 0) {
      // Not kafkajs's waitForLeaders: on a cluster seconds old its metadata retries
      // give up with UNKNOWN_TOPIC_OR_PARTITION; the bounded poll below waits instead.
      await admin.createTopics({
        waitForLeaders: false,
        timeout: 30_000,
        topics: missing.map((s) => ({
          topic: s.name,
          numPartitions: s.partitions,
          replicationFactor: rfOf(s),
          configEntries: [{ name: "min.insync.replicas", value: rfOf(s) >= 3 ? "2" : "1" }],
        })),
      });
    }
    const names = specs.map((s) => s.name);
    const ready = await pollUntil(
      async () => {
        const md = await admin.fetchTopicMetadata({ topics: names });
        return md.topics.every((t) => t.partitions.every((p) => p.leader >= 0));
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    if (!ready) throw new Error(`topics ${names.join(", ")} have partitions without a leader after 60 s`);
    return { created: missing.map((s) => s.name), existing: specs.filter((s) => have.has(s.name)).map((s) => s.name) };
  } finally {
    await admin.disconnect();
  }
}

/**
 * Deletes every record now in `topic` (Kafka's DeleteRecords up to each
 * partition's end). The drill's scratch topic is truncated before each run so
 * the verifier's read-back covers this run only, not every run before it.
 */
export async function truncateTopic(bootstrap: readonly string[], topic: string): Promise<number> {
  const admin = kafkaClient({ bootstrap, clientId: "streamsocial-truncate", timeoutMs: 10_000, retries: 3 }).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    const partitions = offsets.filter((o) => Number(o.high) > Number(o.low)).map((o) => ({ partition: o.partition, offset: o.high }));
    if (partitions.length > 0) await admin.deleteTopicRecords({ topic, partitions });
    return offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0);
  } finally {
    await admin.disconnect();
  }
}

/**
 * The canary topic: one partition per broker, partition i led (first replica) by
 * the i-th broker, RF 3 (or fewer brokers), min ISR 2, an hour of retention.
 * Idempotent; a broker set that grew later keeps the partitions it has.
 */
export async function ensureCanaryTopic(bootstrap: readonly string[], topic: string, brokerIds: readonly number[]): Promise<boolean> {
  const ids = [...brokerIds].sort((a, b) => a - b);
  if (ids.length === 0) return false;
  const rf = Math.min(3, ids.length);
  const admin = kafkaClient({ bootstrap, clientId: "streamsocial-canary-setup", timeoutMs: 5000, retries: 1 }).admin();
  await admin.connect();
  try {
    if ((await admin.listTopics()).includes(topic)) return false;
    return await admin.createTopics({
      waitForLeaders: false,
      timeout: 10_000,
      topics: [
        {
          topic,
          replicaAssignment: ids.map((_, i) => ({ partition: i, replicas: Array.from({ length: rf }, (_, k) => ids[(i + k) % ids.length] as number) })),
          configEntries: [
            { name: "min.insync.replicas", value: rf >= 3 ? "2" : "1" },
            { name: "retention.ms", value: "3600000" },
            { name: "segment.ms", value: "600000" },
          ],
        },
      ],
    });
  } finally {
    await admin.disconnect();
  }
}

/**
 * What `cluster up` creates on any runtime: the StreamSocial topics and, when the
 * canary is on, its topic. Returns the names it created.
 */
export async function ensureClusterTopics(bootstrap: readonly string[], brokerIds: readonly number[], canary: string | null): Promise<string[]> {
  const { created } = await ensureTopics(bootstrap, STREAMSOCIAL_TOPICS, brokerIds.length);
  if (canary && (await ensureCanaryTopic(bootstrap, canary, brokerIds))) created.push(canary);
  return created;
}
