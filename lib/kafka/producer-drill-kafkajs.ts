// The drill's first producer, kept as the benchmarks' reference: kafkajs with
// acks=all and idempotence, driven one partition per send. It does not fail over
// from a frozen leader: kafkajs refreshes metadata on connection and protocol
// errors, not on a request timeout, so it keeps asking the frozen broker until it
// thaws (lib/kafka/producer-drill.ts is the one that does). kafkajs 2.2 has two traps for a producer whose leader
// dies mid-send, and sending per partition avoids both:
//  - a multi-broker send that is retried after a leader move skips the moved
//    partitions when their new leader already answered that send (the send
//    then resolves without them);
//  - an idempotent send that fails rolls its partition's sequence back, so a
//    concurrent send to the same partition could reuse the numbers.
// With exactly one in-flight send per partition, a failed send can be retried
// with the very same records and sequence numbers: the broker drops the copy
// if the first attempt was written after all.
import { CompressionTypes, Partitioners, type Producer } from "kafkajs";
import { kafkaClient } from "./client";
import type { DrillProducer } from "./producer-drill";

export interface KafkajsDrillProducerOptions {
  bootstrap: readonly string[];
  topic: string;
  clientId: string;
  /** Request timeout, ms (a paused broker costs this much per attempt). */
  timeoutMs?: number;
  /** Test-only sabotage: turns idempotence off and lowers acks. */
  unsafe?: { acks: 0 | 1 | -1; idempotent: boolean };
}

export async function connectKafkajsDrillProducer(opts: KafkajsDrillProducerOptions): Promise<DrillProducer> {
  const timeoutMs = opts.timeoutMs ?? 4000;
  const kafka = kafkaClient({ bootstrap: opts.bootstrap, clientId: opts.clientId, timeoutMs, retries: 3 });
  const idempotent = opts.unsafe?.idempotent ?? true;
  const acks = opts.unsafe?.acks ?? -1;
  const producer: Producer = kafka.producer({
    idempotent,
    allowAutoTopicCreation: false,
    // One in-client retry (idempotence needs at least one) rides over a metadata refresh;
    // anything longer comes back to the caller, which retries the same batch and counts it,
    // so the report's errors and retries show the outage instead of kafkajs hiding it.
    retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 300 },
  });
  await producer.connect();
  const admin = kafka.admin();
  let partitions: number;
  try {
    await admin.connect();
    const md = await admin.fetchTopicMetadata({ topics: [opts.topic] });
    partitions = md.topics[0]?.partitions.length ?? 0;
  } finally {
    await admin.disconnect().catch(() => {});
  }
  if (partitions < 1) {
    await producer.disconnect().catch(() => {});
    throw new Error(`topic ${opts.topic} has no partitions (does it exist?)`);
  }
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({
    partitionId,
    leader: 0,
    replicas: [],
    isr: [],
    partitionErrorCode: 0,
  }));
  const ackedEnd = new Map<number, number>();
  return {
    partitions,
    partitionFor: (key) => partitioner({ topic: opts.topic, partitionMetadata, message: { key, value: null } }),
    async send(partition, records) {
      const meta = await producer.send({
        topic: opts.topic,
        acks,
        timeout: timeoutMs,
        compression: CompressionTypes.None,
        messages: records.map((r) => ({ key: r.key, value: r.value, partition })),
      });
      const first = Number(meta.find((m) => m.partition === partition)?.baseOffset ?? -1);
      if (first >= 0) ackedEnd.set(partition, first + records.length);
      return null;
    },
    ackedEnd: (partition) => ackedEnd.get(partition) ?? null,
    disconnect: () => producer.disconnect(),
  };
}
