// @platformatic/kafka's producer, measured against kafkajs by the producer
// benchmark: idempotent, acks=all, no compression, string keys and values.
import { ProduceAcks, Producer, stringSerializers } from "@platformatic/kafka";
import "./wire"; // Promise.withResolvers on Node 20

export interface SimpleProducer {
  send(topic: string, records: readonly { key: string; value: string }[]): Promise<void>;
  close(): Promise<void>;
}

export function platformaticProducer(bootstrap: readonly string[], clientId = "streamsocial-bench-platformatic"): SimpleProducer {
  const producer = new Producer({
    clientId,
    bootstrapBrokers: [...bootstrap],
    serializers: stringSerializers,
    idempotent: true,
    acks: ProduceAcks.ALL,
    timeout: 10_000,
    retries: 5,
  });
  return {
    async send(topic, records) {
      await producer.send({ messages: records.map((r) => ({ topic, key: r.key, value: r.value })) });
    },
    close: () => producer.close(),
  };
}
