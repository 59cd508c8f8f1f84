// What a traffic run needs of the cluster before it starts: the retry and
// dead-letter topics, and the broker's log-append time on every topic the flow
// writes, so "stored" is the broker's own clock. A topic made with CreateTime
// (every cluster brought up before this) is switched once; where that is not
// allowed the run goes on and says "stored = acknowledged".
import type { Admin } from "kafkajs";
import { FLOW_TOPICS, STREAMSOCIAL_TOPICS, type TopicSpec } from "@/lib/events/topics";
import { kafkaClient } from "./client";
import { ensureTopics } from "./topics";

const TIMESTAMP_TYPE = "message.timestamp.type";
const TOPIC = 2; // ConfigResourceTypes.TOPIC
const TOPIC_CONFIG = 1; // ConfigSource.TOPIC_CONFIG: set on the topic itself

export interface FlowTopicsResult {
  /** topic → partition count, for the producer's partitioner. */
  partitions: Map<string, number>;
  storedClock: "LogAppendTime" | "ack";
  /** Topics switched to LogAppendTime by this call. */
  switched: string[];
}

export async function ensureFlowTopics(bootstrap: readonly string[], categoryTopics: readonly string[]): Promise<FlowTopicsResult> {
  const specs: TopicSpec[] = [...STREAMSOCIAL_TOPICS.filter((t) => categoryTopics.includes(t.name)), ...FLOW_TOPICS];
  await ensureTopics(bootstrap, specs);
  const admin = kafkaClient({ bootstrap, clientId: "streamsocial-flow-setup", timeoutMs: 10_000, retries: 3 }).admin();
  await admin.connect();
  try {
    const names = specs.map((s) => s.name);
    const md = await admin.fetchTopicMetadata({ topics: names });
    const partitions = new Map(md.topics.map((t) => [t.name, t.partitions.length]));
    let switched: string[] = [];
    let storedClock: FlowTopicsResult["storedClock"] = "LogAppendTime";
    try {
      switched = await useLogAppendTime(admin, names);
    } catch {
      storedClock = "ack";
    }
    return { partitions, storedClock, switched };
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/**
 * kafkajs has only the legacy AlterConfigs, which replaces a topic's whole set
 * of overrides: every override the topic has (min.insync.replicas…) is sent
 * back with the new one, so nothing else changes.
 */
async function useLogAppendTime(admin: Admin, topics: readonly string[]): Promise<string[]> {
  const described = await admin.describeConfigs({ includeSynonyms: false, resources: topics.map((name) => ({ type: TOPIC, name })) });
  const resources = described.resources
    .filter((r) => r.errorCode === 0 && r.configEntries.find((e) => e.configName === TIMESTAMP_TYPE)?.configValue !== "LogAppendTime")
    .map((r) => ({
      type: TOPIC,
      name: r.resourceName,
      configEntries: [
        ...r.configEntries.filter((e) => e.configSource === TOPIC_CONFIG && e.configName !== TIMESTAMP_TYPE).map((e) => ({ name: e.configName, value: e.configValue })),
        { name: TIMESTAMP_TYPE, value: "LogAppendTime" },
      ],
    }));
  if (resources.length > 0) await admin.alterConfigs({ validateOnly: false, resources });
  const failed = described.resources.filter((r) => r.errorCode !== 0);
  if (failed.length > 0) throw new Error(`cannot read configs of ${failed.map((r) => r.resourceName).join(", ")}`);
  return resources.map((r) => r.name);
}
