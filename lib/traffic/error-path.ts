// Where a failed attempt goes: the handler's retry topic (due after its
// backoff) or, after its last attempt, the dead-letter topic — the original
// event as the value, what happened in the headers, keyed by user so one
// user's events keep their order. The returned promise settles once Kafka
// acknowledged the record (never: the lanes retry) or the producer closed.
import { DEAD_LETTER_TOPIC, retryTopicOf } from "@/lib/events/topics";
import type { HandlerStats } from "@/lib/flow/handler-stats";
import type { EventProducer } from "@/lib/kafka/producer-events";
import type { Lanes } from "./lanes";
import { decideAfterFailure, retryHeaders, type RetryPolicy } from "./retry-policy";

export interface Failure {
  error: string;
  /** The key its retry record keeps (the user id). */
  key: string;
}

export class ErrorPath {
  /** Failures whose record is not acknowledged yet. */
  writing = 0;

  constructor(
    private readonly handler: string,
    private readonly stats: HandlerStats,
    private readonly producer: EventProducer,
    private readonly lanes: Lanes,
    private readonly policy: () => RetryPolicy,
  ) {}

  /** `attempts`: attempts made so far, the failed one included. */
  write(value: Buffer | null, attempts: number, { error, key }: Failure, source: string): Promise<void> {
    const decision = decideAfterFailure(attempts, this.policy(), Date.now());
    const topic = decision.kind === "retry" ? retryTopicOf(this.handler) : DEAD_LETTER_TOPIC;
    const headers = retryHeaders({ handler: this.handler, attempts, dueAt: decision.kind === "retry" ? decision.dueAt : 0, error, source });
    this.writing++;
    return new Promise<void>((resolve, reject) => {
      this.lanes.enqueue(topic, this.producer.partitionFor(topic, key), {
        key,
        value: value?.toString("utf8") ?? "",
        headers,
        createdAt: Date.now(),
        acked: () => {
          this.writing--;
          if (decision.kind === "retry") this.stats.retryWritten(Date.now());
          else this.stats.deadLetterWritten(Date.now());
          resolve();
        },
        abandoned: (why) => {
          this.writing--;
          reject(why);
        },
      });
    });
  }
}
