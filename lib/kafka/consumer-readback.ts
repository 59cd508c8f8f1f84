// Reads a whole topic back, from the beginning, in a fresh consumer group, up to
// the end offsets as they stand when the read starts. Bounded in time; says
// which partitions it could not finish. The group is deleted afterwards so
// verifier runs do not pile up in the cluster's group list.
import { kafkaClient } from "./client";
import { pollUntil } from "@/lib/util/poll";

export interface ReadBackOptions {
  bootstrap: readonly string[];
  topic: string;
  groupId: string;
  /** Time allowed; stretched for a big topic to at least records / minRecordsPerSec. */
  timeoutMs: number;
  /** Slowest read rate still considered healthy (default 5000/s); at most 15 minutes in all. */
  minRecordsPerSec?: number;
  /** Called for every record in partition order (values as raw bytes). */
  onRecord: (partition: number, offset: number, value: Buffer | null) => void;
}

export interface ReadBackResult {
  /** Per partition: [low, high) read, high being the end offset when the read began. */
  ranges: Record<number, { low: number; high: number }>;
  read: number;
  complete: boolean;
  /** Partitions not read to their end before the time ran out. */
  unfinished: number[];
  ms: number;
}

export async function readTopicToEnd(opts: ReadBackOptions): Promise<ReadBackResult> {
  const t0 = Date.now();
  let deadline = t0 + opts.timeoutMs;
  const kafka = kafkaClient({ bootstrap: opts.bootstrap, clientId: "streamsocial-verifier", timeoutMs: 5000, retries: 5 });
  const admin = kafka.admin();
  await admin.connect();
  try {
    let offsets: { partition: number; low: string; high: string }[] = [];
    const got = await pollUntil(
      async () => {
        offsets = await admin.fetchTopicOffsets(opts.topic);
        return offsets.length > 0;
      },
      { timeoutMs: Math.min(30_000, opts.timeoutMs), intervalMs: 500 },
    );
    if (!got) throw new Error(`could not read the end offsets of ${opts.topic} (a partition without a leader?)`);
    const ranges: ReadBackResult["ranges"] = {};
    const next = new Map<number, number>();
    for (const o of offsets) {
      ranges[o.partition] = { low: Number(o.low), high: Number(o.high) };
      next.set(o.partition, Number(o.low));
    }
    const total = Object.values(ranges).reduce((n, r) => n + Math.max(0, r.high - r.low), 0);
    deadline = t0 + Math.min(15 * 60_000, Math.max(opts.timeoutMs, (total / (opts.minRecordsPerSec ?? 5000)) * 1000));
    const finished = () => [...next].every(([p, n]) => n >= ranges[p]!.high);
    let read = 0;
    if (!finished()) {
      const consumer = kafka.consumer({
        groupId: opts.groupId,
        sessionTimeout: 30_000,
        heartbeatInterval: 3000,
        maxBytesPerPartition: 8 * 1024 * 1024,
        maxBytes: 32 * 1024 * 1024,
        maxWaitTimeInMs: 250,
        retry: { retries: 10 },
      });
      await consumer.connect();
      try {
        await consumer.subscribe({ topic: opts.topic, fromBeginning: true });
        await consumer.run({
          autoCommit: false,
          eachBatch: async ({ batch, heartbeat }) => {
            const high = ranges[batch.partition]?.high ?? Infinity;
            for (const m of batch.messages) {
              const offset = Number(m.offset);
              if (offset >= high) break;
              opts.onRecord(batch.partition, offset, m.value);
              read++;
              next.set(batch.partition, offset + 1);
            }
            // Compacted or aborted tails: the batch's end says where the log continues.
            if (batch.messages.length > 0) next.set(batch.partition, Math.max(next.get(batch.partition) ?? 0, Math.min(high, Number(batch.lastOffset()) + 1)));
            await heartbeat();
          },
        });
        await pollUntil(finished, { timeoutMs: Math.max(0, deadline - Date.now()), intervalMs: 100 });
      } finally {
        await consumer.disconnect().catch(() => {});
      }
      await admin.deleteGroups([opts.groupId]).catch(() => {});
    }
    const unfinished = [...next].filter(([p, n]) => n < ranges[p]!.high).map(([p]) => p).sort((a, b) => a - b);
    return { ranges, read, complete: unfinished.length === 0, unfinished, ms: Date.now() - t0 };
  } finally {
    await admin.disconnect().catch(() => {});
  }
}
