// Which brokers the cluster has registered, as kafkajs sees them.
import { kafkaClient } from "./client";

export interface RegisteredBroker {
  id: number;
  host: string;
  port: number;
}

export async function registeredBrokers(bootstrap: readonly string[], timeoutMs = 2000): Promise<RegisteredBroker[]> {
  const admin = kafkaClient({ bootstrap, clientId: "streamsocial-probe", timeoutMs, retries: 0 }).admin();
  await admin.connect();
  try {
    const { brokers } = await admin.describeCluster();
    return brokers.map((b) => ({ id: b.nodeId, host: b.host, port: b.port })).sort((a, b) => a.id - b.id);
  } finally {
    await admin.disconnect();
  }
}
