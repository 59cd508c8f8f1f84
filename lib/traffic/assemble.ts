// Wires one traffic run together before its first event: the flow's topics
// (with the broker's log-append time), the guard against a second run in the
// same groups, the producer and its lanes, and the three handlers behind their
// consumer groups, all joined. On any failure what was started is stopped.
import { STREAMSOCIAL_TOPICS } from "@/lib/events/topics";
import type { FeedBus } from "@/lib/flow/feed-bus";
import type { FlowRecorder } from "@/lib/flow/recorder";
import { ensureFlowTopics } from "@/lib/kafka/flow-topics";
import { assertGroupsIdle } from "@/lib/kafka/group-offsets";
import { connectEventProducer, type EventProducer } from "@/lib/kafka/producer-events";
import type { FlowFigures } from "@/lib/model/flow";
import { AnalyticsHandler, FeedHandler, NotificationHandler } from "./handlers";
import { Lanes } from "./lanes";
import { TRAFFIC_GROUPS, TRAFFIC_SUBSCRIPTIONS, type TrafficParams } from "./params";
import { Publisher } from "./publisher";
import { FailureInjector, MAX_BACKOFF_MS } from "./retry-policy";
import { Subscriber } from "./subscriber";

const JOIN_MS = 60_000;

export interface RunParts {
  producer: EventProducer;
  publisher: Publisher;
  subscribers: Subscriber[];
  injectors: FailureInjector[];
  storedClock: FlowFigures["storedClock"];
}

export interface AssembleOptions {
  bootstrap: readonly string[];
  seed: number;
  recorder: FlowRecorder;
  feed: FeedBus;
  /** The run's settings as they are now (rate and failure rate change mid-run). */
  params: () => TrafficParams;
}

const implOf = (h: (typeof TRAFFIC_GROUPS)[number]) => (h === "feed" ? new FeedHandler() : h === "notification" ? new NotificationHandler() : new AnalyticsHandler());

export async function assembleRun(o: AssembleOptions): Promise<RunParts> {
  const categories = STREAMSOCIAL_TOPICS.map((t) => t.name).filter((t) => TRAFFIC_GROUPS.some((g) => TRAFFIC_SUBSCRIPTIONS[g].includes(t)));
  const topics = await ensureFlowTopics(o.bootstrap, categories);
  await assertGroupsIdle(o.bootstrap, TRAFFIC_GROUPS.flatMap((h) => [h, `${h}-retry`]));
  const producer = await connectEventProducer(o.bootstrap, topics.partitions);
  const subscribers: Subscriber[] = [];
  try {
    let publisher: Publisher | null = null;
    const lanes = new Lanes(producer, {
      onAck: (topic, items, sendMs, result) => publisher?.acked(topic, items, sendMs, result),
      onError: (topic, _p, items, err) => publisher?.failed(topic, items, err),
    });
    publisher = new Publisher(producer, lanes, o.recorder, o.seed, categories);
    const policy = () => ({ maxAttempts: o.params().maxAttempts, backoffMs: o.params().retryBackoffMs, maxBackoffMs: MAX_BACKOFF_MS });
    const injectors = TRAFFIC_GROUPS.map((_, i) => new FailureInjector(o.params().failureRate, o.seed + i + 1));
    for (const [i, handler] of TRAFFIC_GROUPS.entries()) {
      const sub = new Subscriber({
        handler, impl: implOf(handler), injector: injectors[i]!, bootstrap: o.bootstrap, topics: TRAFFIC_SUBSCRIPTIONS[handler],
        stats: o.recorder.handlers[handler], producer, lanes, feed: o.feed, policy, runPrefix: `evt-${o.seed}-`,
      });
      subscribers.push(sub);
      await sub.start();
    }
    const joined = await Promise.all(subscribers.map((s) => s.joined(JOIN_MS)));
    if (joined.includes(false)) throw new Error(`the handlers' consumers did not join their groups within ${JOIN_MS / 1000} s`);
    return { producer, publisher, subscribers, injectors, storedClock: topics.storedClock };
  } catch (err) {
    await Promise.all(subscribers.map((s) => s.stop()));
    await producer.disconnect().catch(() => {});
    throw err;
  }
}
