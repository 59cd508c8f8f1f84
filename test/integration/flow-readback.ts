// The test's own view of a traffic run, read back from Kafka with a consumer of
// its own (fresh group, from the beginning, up to the high watermarks taken
// after the run): the events of the run, and what the error path wrote.
import type { Kafka } from "kafkajs";
import { payloadProblem } from "@/lib/events/payloads";
import type { StreamSocialEvent } from "@/lib/events/model";

export interface ReadRecord {
  topic: string;
  /** The event id (the value is the original event everywhere). */
  id: string;
  type: string;
  poison: boolean;
  headers: Record<string, string>;
}

const header = (h: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(h ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]));

/** Every record of `topics` whose event id starts with `prefix`. */
export async function readBack(kafka: Kafka, topics: readonly string[], prefix: string, timeoutMs = 90_000): Promise<ReadRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<string, number>();
  try {
    for (const topic of topics) {
      for (const o of await admin.fetchTopicOffsets(topic)) if (Number(o.high) > Number(o.low)) ends.set(`${topic}/${o.partition}`, Number(o.high));
    }
  } finally {
    await admin.disconnect();
  }
  const consumer = kafka.consumer({ groupId: `it-readback-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, maxWaitTimeInMs: 200 });
  const out: ReadRecord[] = [];
  const reached = new Set<string>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    let done!: () => void;
    const finished = new Promise<void>((r) => (done = r));
    if (ends.size === 0) done();
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) {
          const text = m.value?.toString("utf8") ?? "";
          if (!text.includes(`"id":"${prefix}`)) continue;
          const e = JSON.parse(text) as StreamSocialEvent;
          out.push({ topic: batch.topic, id: e.id, type: e.type, poison: payloadProblem(e) !== null, headers: header(m.headers) });
        }
        const key = `${batch.topic}/${batch.partition}`;
        if (Number(batch.lastOffset()) + 1 >= (ends.get(key) ?? 0)) reached.add(key);
        if ([...ends.keys()].every((k) => reached.has(k))) done();
      },
    });
    const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`read-back did not reach the end of ${topics.join(", ")} within ${timeoutMs} ms`)), timeoutMs).unref());
    await Promise.race([finished, timer]);
    return out;
  } finally {
    await consumer.disconnect();
  }
}
