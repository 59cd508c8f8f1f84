// A long-running consumer group member that hands each fetched batch to an
// async callback and keeps its own view of lag (high watermark − next offset)
// per partition. Offsets are resolved only once the callback has finished with
// the batch, so a record whose outcome was not written yet is read again.
// Rides over broker kills: kafkajs rejoins, refreshes leaders and restarts
// itself on retriable failures; the failover timings are those of failover.ts.
//
// kafkajs 2.2 keeps committing to the group coordinator it found at join time:
// when that broker dies (or comes back no longer the coordinator) every commit
// fails until something forces a rejoin, while consumption goes on. So a
// watchdog restarts the member when batches are processed but no commit has
// landed for COMMIT_STALL_MS, and stop() writes the processed offsets with the
// admin client once the member has left (an empty group accepts them).
import type { Consumer, ConsumerRunConfig, IHeaders } from "kafkajs";
import { kafkaClient } from "./client";
import { CLIENT_FAILOVER, FailoverSockets } from "./failover";
import { withTimeout } from "@/lib/util/poll";
import { commitProcessed, type ProcessedOffsets } from "./group-offsets";

export interface ConsumedRecord {
  offset: number;
  /** The record's timestamp: the broker's append time on LogAppendTime topics. */
  timestamp: number;
  value: Buffer | null;
  headers: IHeaders | undefined;
}

export interface ConsumedBatch {
  topic: string;
  partition: number;
  records: ConsumedRecord[];
  /** Keeps the member in its group during a long wait; never throws. */
  keepAlive(): Promise<void>;
  /** True once the partition was taken away or the member is stopping: leave the rest for later. */
  abandoned(): boolean;
}

export interface GroupConsumerOptions {
  bootstrap: readonly string[];
  groupId: string;
  topics: readonly string[];
  /** Must throw when it did not finish every record: the batch's offsets are resolved only when it returns. */
  onBatch: (batch: ConsumedBatch) => Promise<void>;
}

export interface GroupConsumer {
  /** Records handed to onBatch so far (a rejoin can hand some over twice: at-least-once). */
  readonly consumed: number;
  /** Sum over assigned partitions of the last known lag. */
  lag(): number;
  /** Epoch ms of the last batch (null before the first). */
  readonly lastBatchAt: number | null;
  /** Times the member was restarted (by kafkajs after a crash, or by the commit watchdog). */
  readonly restarts: number;
  /** Resolves true once this member has an assignment (false after timeoutMs). */
  joined(timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

const COMMIT_STALL_MS = 10_000;
const FETCH_MIN_BYTES = 1;
const FETCH_WAIT_MS = 250;

export async function startGroupConsumer(opts: GroupConsumerOptions): Promise<GroupConsumer> {
  const sockets = new FailoverSockets();
  const kafka = kafkaClient({
    socketFactory: sockets.factory,
    bootstrap: opts.bootstrap,
    clientId: `streamsocial-${opts.groupId}`,
    timeoutMs: CLIENT_FAILOVER.requestTimeoutMs,
    connectTimeoutMs: CLIENT_FAILOVER.connectTimeoutMs,
    retries: 10,
  });
  const consumer: Consumer = kafka.consumer({
    groupId: opts.groupId,
    sessionTimeout: 10_000,
    // A member that does not rejoin a rebalance is dropped after this (kafkajs's default is
    // 60 s): until then a stopped run's members still count in the group.
    rebalanceTimeout: 20_000,
    heartbeatInterval: 1000,
    // A fetch returns as soon as there is a record (minBytes 1: no latency added),
    // and an idle one waits FETCH_WAIT_MS: at 50 ms the 18 idle fetch loops (6 groups ×
    // 3 brokers) cost a third of a core, at 250 ms a sixth.
    minBytes: FETCH_MIN_BYTES,
    maxWaitTimeInMs: FETCH_WAIT_MS,
    metadataMaxAge: CLIENT_FAILOVER.metadataMaxAgeMs,
    retry: { retries: 20, initialRetryTime: 200, maxRetryTime: 2000, restartOnFailure: async () => !state.stopping },
  });
  const lagByPartition = new Map<string, number>();
  const processed: ProcessedOffsets = new Map();
  const state = { consumed: 0, lastBatchAt: null as number | null, restarts: 0, joined: false, lastCommitAt: Date.now(), stopping: false };

  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    // A restart kafkajs had under way when stop() came (after a crash, a broker
    // freeze) can join again afterwards: such a member would live on, heartbeating
    // and consuming into a finished run. It leaves at once.
    if (state.stopping) {
      void consumer.disconnect().catch(() => {});
      return;
    }
    state.joined = true;
    state.lastCommitAt = Date.now();
    const owned = new Set(Object.entries(payload.memberAssignment).flatMap(([t, ps]) => ps.map((p) => `${t}/${p}`)));
    for (const k of [...lagByPartition.keys()]) if (!owned.has(k)) lagByPartition.delete(k);
  });
  consumer.on(consumer.events.COMMIT_OFFSETS, () => (state.lastCommitAt = Date.now()));
  consumer.on(consumer.events.CRASH, () => state.restarts++);
  consumer.on(consumer.events.REQUEST_TIMEOUT, ({ payload }) => sockets.drop(payload.broker));

  const runConfig: ConsumerRunConfig = {
    eachBatchAutoResolve: false,
    // kafkajs commits after every batch by default: one OffsetCommit request per batch per group.
    autoCommitInterval: 1000,
    // A batch that waits (on a retry write, a backoff) holds up only its own partition.
    partitionsConsumedConcurrently: 3,
    eachBatch: async ({ batch, heartbeat, resolveOffset, isRunning, isStale }) => {
      if (batch.messages.length === 0) return;
      const records = batch.messages.map((m) => ({ offset: Number(m.offset), timestamp: Number(m.timestamp), value: m.value, headers: m.headers }));
      await opts.onBatch({
        topic: batch.topic,
        partition: batch.partition,
        records,
        keepAlive: () => heartbeat().catch(() => {}),
        abandoned: () => !isRunning() || isStale() || state.stopping,
      });
      state.consumed += records.length;
      state.lastBatchAt = Date.now();
      const next = Number(batch.lastOffset()) + 1;
      lagByPartition.set(`${batch.topic}/${batch.partition}`, Math.max(0, Number(batch.highWatermark) - next));
      const perTopic = processed.get(batch.topic) ?? new Map<number, number>();
      perTopic.set(batch.partition, Math.max(perTopic.get(batch.partition) ?? 0, next));
      processed.set(batch.topic, perTopic);
      // Resolved before the heartbeat: a heartbeat that fails on a rebalance must not
      // make kafkajs hand this (already handled) batch over again.
      resolveOffset(batch.lastOffset());
      await heartbeat();
    },
  };

  await consumer.connect();
  await consumer.subscribe({ topics: [...opts.topics], fromBeginning: false });
  await consumer.run(runConfig);

  let restarting = false;
  const watchdog = setInterval(() => {
    const stalled = state.lastBatchAt !== null && state.lastBatchAt > state.lastCommitAt && Date.now() - state.lastCommitAt > COMMIT_STALL_MS;
    if (!stalled || restarting || state.stopping) return;
    restarting = true;
    state.restarts++;
    state.lastCommitAt = Date.now();
    // stop() leaves the group; run() joins again and finds the coordinator afresh.
    void consumer
      .stop()
      .then(() => (state.stopping ? undefined : consumer.run(runConfig)))
      .catch(() => {})
      .finally(() => (restarting = false));
  }, 1000);
  watchdog.unref();

  return {
    get consumed() {
      return state.consumed;
    },
    get lastBatchAt() {
      return state.lastBatchAt;
    },
    get restarts() {
      return state.restarts;
    },
    lag: () => [...lagByPartition.values()].reduce((s, n) => s + n, 0),
    async joined(timeoutMs) {
      const until = Date.now() + timeoutMs;
      while (!state.joined && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      return state.joined;
    },
    async stop() {
      clearInterval(watchdog);
      // Committed by the member itself while it is still one: the admin path (after it left)
      // joins the group with a consumer of its own, which can linger there for seconds and
      // hold up the next run. It stays the fallback for a member whose commits fail.
      const offsets = [...processed].flatMap(([topic, parts]) => [...parts].map(([partition, next]) => ({ topic, partition, offset: String(next) })));
      const committed = offsets.length === 0 || (await withTimeout(consumer.commitOffsets(offsets), 3000, "commit timed out").then(() => true, () => false));
      state.stopping = true;
      await consumer.disconnect();
      if (!committed) await commitProcessed(kafka.admin(), opts.groupId, processed).catch(() => {});
    },
  };
}
