// The one place kafkajs clients are made. Short timeouts everywhere: a dead
// broker must cost a failed call, never a hang.
import { Kafka, logLevel, type ISocketFactory, type KafkaConfig } from "kafkajs";

export interface ClientOptions {
  bootstrap: readonly string[];
  clientId?: string;
  /** Per-request and connect timeout, ms. */
  timeoutMs?: number;
  /** Retries of one call; the monitor wants none (the next poll is the retry). */
  retries?: number;
  /** Connect timeout, ms, when it should differ from min(timeoutMs, 3000). */
  connectTimeoutMs?: number;
  /** Sockets made by the caller (failover.ts closes them on a request timeout). */
  socketFactory?: ISocketFactory;
}

export function kafkaClient({ bootstrap, clientId = "streamsocial", timeoutMs = 3000, retries = 2, connectTimeoutMs, socketFactory }: ClientOptions): Kafka {
  const config: KafkaConfig = {
    clientId,
    brokers: [...bootstrap],
    connectionTimeout: connectTimeoutMs ?? Math.min(timeoutMs, 3000),
    requestTimeout: timeoutMs,
    retry: { retries, initialRetryTime: 100, maxRetryTime: 1000 },
    logLevel: logLevel.NOTHING,
    ...(socketFactory ? { socketFactory } : {}),
  };
  return new Kafka(config);
}
