// Topics a drill makes for itself and removes afterwards (the safety comparison's
// scratch topics), and the read-only checks around them: where a partition's
// high watermark stands, and every broker's configuration to compare before and after.
import { pollUntil } from "@/lib/util/poll";
import { kafkaClient } from "./client";

/** kafkajs's ConfigResourceTypes.BROKER (its CommonJS build has no named export of the enum under ESM). */
const BROKER = 4;

export interface ScratchTopicSpec {
  name: string;
  /** One partition, its replicas in this order (the first is the preferred leader). */
  replicas: number[];
  configs: Record<string, string>;
}

const admin = (bootstrap: readonly string[], clientId: string) => kafkaClient({ bootstrap, clientId, timeoutMs: 10_000, retries: 3 }).admin();

/** Creates the topic and waits (bounded) until its partition is led by its first replica with every replica in sync. */
export async function createScratchTopic(bootstrap: readonly string[], spec: ScratchTopicSpec): Promise<void> {
  const a = admin(bootstrap, "streamsocial-scratch");
  await a.connect();
  try {
    await a.createTopics({
      waitForLeaders: false,
      timeout: 30_000,
      topics: [{ topic: spec.name, replicaAssignment: [{ partition: 0, replicas: spec.replicas }], configEntries: Object.entries(spec.configs).map(([name, value]) => ({ name, value })) }],
    });
    const ready = await pollUntil(
      async () => {
        const p = (await a.fetchTopicMetadata({ topics: [spec.name] })).topics[0]?.partitions[0];
        return !!p && p.leader === spec.replicas[0] && p.isr.length === spec.replicas.length;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    if (!ready) throw new Error(`${spec.name} was not led by broker ${spec.replicas[0]} with every replica in sync within 60 s`);
  } finally {
    await a.disconnect();
  }
}

/** Deletes the topics that exist among `names`; returns those deleted. */
export async function deleteScratchTopics(bootstrap: readonly string[], names: readonly string[]): Promise<string[]> {
  const a = admin(bootstrap, "streamsocial-scratch");
  await a.connect();
  try {
    const have = new Set(await a.listTopics());
    const doomed = names.filter((n) => have.has(n));
    if (doomed.length > 0) await a.deleteTopics({ topics: doomed, timeout: 30_000 });
    return doomed;
  } finally {
    await a.disconnect();
  }
}

/** Partition 0's high watermark: every in-sync replica has the records below it. */
export async function highWatermark(bootstrap: readonly string[], topic: string): Promise<number> {
  const a = admin(bootstrap, "streamsocial-scratch");
  await a.connect();
  try {
    const o = (await a.fetchTopicOffsets(topic)).find((x) => x.partition === 0);
    return Number(o?.high ?? 0);
  } finally {
    await a.disconnect();
  }
}

/** Every broker's effective configuration (name → value), to show a run changed none of it. */
export async function brokerConfigs(bootstrap: readonly string[], brokerIds: readonly number[]): Promise<Record<number, Record<string, string | null>>> {
  const a = admin(bootstrap, "streamsocial-scratch");
  await a.connect();
  try {
    const res = await a.describeConfigs({ includeSynonyms: false, resources: brokerIds.map((id) => ({ type: BROKER, name: String(id) })) });
    const out: Record<number, Record<string, string | null>> = {};
    for (const r of res.resources) out[Number(r.resourceName)] = Object.fromEntries(r.configEntries.map((e) => [e.configName, e.configValue]));
    return out;
  } finally {
    await a.disconnect();
  }
}
