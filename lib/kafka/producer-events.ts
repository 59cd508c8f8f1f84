// The traffic's producer: idempotent, acks=all, one partition per send, with
// the failover timings of failover.ts. One partition per send because kafkajs
// 2.2 can silently skip partitions of a multi-broker send retried after a
// leader move; idempotent so a send retried after a timeout that did land is
// dropped by the broker instead of written twice. The caller (a lane per
// partition, one send in flight) retries a failed send with the same records.
//
// A broker works through one request per connection at a time (and kafkajs's
// idempotent producer sends one at a time per broker), so per-partition sends
// through one client queue behind each other. A small pool of clients, each
// partition always on the same one (its sequence numbers live there), gives
// each broker a few connections to work on at once.
import { CompressionTypes, Partitioners, type Producer } from "kafkajs";
import { kafkaClient } from "./client";
import { CLIENT_FAILOVER, FailoverSockets } from "./failover";

export interface OutgoingRecord {
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface SendResult {
  /** The broker's append time (epoch ms) when the topic uses LogAppendTime, else null. */
  logAppendTime: number | null;
  baseOffset: number;
}

export interface EventProducer {
  partitionsOf(topic: string): number;
  /** The partition Kafka's default (murmur2) partitioner gives this key, as every Kafka client would. */
  partitionFor(topic: string, key: string): number;
  send(topic: string, partition: number, records: readonly OutgoingRecord[]): Promise<SendResult>;
  disconnect(): Promise<void>;
}

/** `partitions`: topic → partition count (the caller read them with the admin client). */
const POOL = 4;

async function connectOne(bootstrap: readonly string[], clientId: string): Promise<Producer> {
  const sockets = new FailoverSockets();
  const kafka = kafkaClient({ bootstrap, clientId, timeoutMs: CLIENT_FAILOVER.requestTimeoutMs, connectTimeoutMs: CLIENT_FAILOVER.connectTimeoutMs, retries: 3, socketFactory: sockets.factory });
  const producer = kafka.producer({
    idempotent: true,
    allowAutoTopicCreation: false,
    metadataMaxAge: CLIENT_FAILOVER.metadataMaxAgeMs,
    // One in-client retry (idempotence needs one) rides over a metadata refresh; a longer
    // outage comes back to the lane, which counts it and sends the same records again.
    retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 300 },
  });
  producer.on(producer.events.REQUEST_TIMEOUT, ({ payload }) => sockets.drop(payload.broker));
  await producer.connect();
  return producer;
}

export async function connectEventProducer(
  bootstrap: readonly string[],
  partitions: ReadonlyMap<string, number>,
  clientId = "streamsocial-traffic",
): Promise<EventProducer> {
  const pool: Producer[] = [];
  try {
    for (let i = 0; i < POOL; i++) pool.push(await connectOne(bootstrap, `${clientId}-${i}`));
  } catch (err) {
    await Promise.all(pool.map((p) => p.disconnect().catch(() => {})));
    throw err;
  }
  /** Partitions spread round-robin over the pool, in a fixed order, so each keeps its client. */
  const slot = new Map<string, number>();
  const producerFor = (topic: string, partition: number): Producer => {
    const key = `${topic}/${partition}`;
    let i = slot.get(key);
    if (i === undefined) {
      i = slot.size % POOL;
      slot.set(key, i);
    }
    return pool[i]!;
  };
  const partitioner = Partitioners.DefaultPartitioner();
  const metadataOf = new Map(
    [...partitions].map(([topic, n]) => [topic, Array.from({ length: n }, (_, partitionId) => ({ partitionId, leader: 0, replicas: [], isr: [], partitionErrorCode: 0 }))]),
  );
  return {
    partitionsOf: (topic) => partitions.get(topic) ?? 0,
    partitionFor(topic, key) {
      const partitionMetadata = metadataOf.get(topic);
      if (!partitionMetadata) throw new Error(`no partition count known for topic ${topic}`);
      return partitioner({ topic, partitionMetadata, message: { key, value: null } });
    },
    async send(topic, partition, records) {
      const [meta] = await producerFor(topic, partition).send({
        topic,
        acks: -1,
        timeout: CLIENT_FAILOVER.ackTimeoutMs,
        compression: CompressionTypes.None,
        messages: records.map((r) => ({ key: r.key, value: r.value, partition, headers: r.headers })),
      });
      const t = Number(meta?.logAppendTime ?? -1);
      return { logAppendTime: t > 0 ? t : null, baseOffset: Number(meta?.baseOffset ?? -1) };
    },
    disconnect: async () => {
      await Promise.all(pool.map((p) => p.disconnect().catch(() => {})));
    },
  };
}
