// A plain acks=all producer for background StreamSocial traffic: records
// already routed (topic, key) go out in one batch per call.
import { CompressionTypes } from "kafkajs";
import { kafkaClient } from "./client";

export interface RoutedRecord {
  topic: string;
  key: string;
  value: string;
}

export interface EventProducer {
  send(records: readonly RoutedRecord[]): Promise<void>;
  disconnect(): Promise<void>;
}

export async function connectEventProducer(bootstrap: readonly string[], clientId = "streamsocial-traffic"): Promise<EventProducer> {
  const producer = kafkaClient({ bootstrap, clientId, timeoutMs: 5000, retries: 5 }).producer({
    allowAutoTopicCreation: false,
    retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 2000 },
  });
  await producer.connect();
  return {
    async send(records) {
      const byTopic = new Map<string, { key: string; value: string }[]>();
      for (const r of records) {
        const list = byTopic.get(r.topic) ?? [];
        list.push({ key: r.key, value: r.value });
        byTopic.set(r.topic, list);
      }
      await producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    },
    disconnect: () => producer.disconnect(),
  };
}
