// Cluster metadata through a raw Metadata v12 request (kafkajs's parser throws on
// the first partition error, so while any partition is leaderless it returns
// nothing; the raw answer keeps per-partition error codes). Asked like a Kafka
// client asks: the broker that answered last first, then, when it is slow or
// gone, every bootstrap address and every broker learned from earlier answers.
import { metadataV12 } from "@platformatic/kafka";
import type { PartitionState } from "@/lib/model/cluster";
import { answerEvenWithErrors, type WirePool } from "./wire";

export interface Metadata {
  brokers: { id: number; host: string; port: number }[];
  partitions: PartitionState[];
}

/** How long the preferred broker gets before everyone else is asked too. */
export const HEDGE_MS = 250;

export async function metadataFrom(pool: WirePool, address: string): Promise<Metadata> {
  const res = await pool.request(address, (c) => answerEvenWithErrors(metadataV12.api.async(c, null, false, false)));
  const partitions: PartitionState[] = [];
  for (const t of res.topics) {
    if (!t.name) continue;
    for (const p of t.partitions) {
      partitions.push({
        topic: t.name,
        partition: p.partitionIndex,
        leader: p.leaderId,
        replicas: p.replicaNodes,
        isr: p.isrNodes,
        offlineReplicas: p.offlineReplicas,
      });
    }
  }
  partitions.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
  const brokers = res.brokers.map((b) => ({ id: b.nodeId, host: b.host, port: b.port })).sort((a, b) => a.id - b.id);
  return { brokers, partitions };
}

/**
 * Asks candidates[0] first; after HEDGE_MS, or as soon as it fails, asks all the
 * others at once. The first answer wins; rejects with the first error when none answers.
 */
export function firstAnswer<T>(candidates: readonly string[], ask: (address: string) => Promise<T>, hedgeMs = HEDGE_MS): Promise<{ address: string; value: T }> {
  return new Promise((resolve, reject) => {
    if (candidates.length === 0) {
      reject(new Error("no broker address to ask"));
      return;
    }
    let next = 0;
    let pending = 0;
    let settled = false;
    const errors: unknown[] = [];
    const launch = (address: string) => {
      pending++;
      ask(address).then(
        (value) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ address, value });
        },
        (err) => {
          pending--;
          errors.push(err);
          if (settled) return;
          if (next < candidates.length) launchRest();
          else if (pending === 0) {
            settled = true;
            clearTimeout(timer);
            reject(errors[0]);
          }
        },
      );
    };
    const launchRest = () => {
      while (next < candidates.length) launch(candidates[next++] as string);
    };
    launch(candidates[next++] as string);
    const timer = setTimeout(() => {
      if (!settled) launchRest();
    }, hedgeMs);
  });
}

/**
 * Asks every candidate at once and settles with the answers in hand `graceMs`
 * after the first one (or when all have settled): a frozen broker never holds it
 * up, and a broker with a stale view is outvoted by the fresher ones. Rejects
 * with the first error when none answers.
 */
export function answersWithin<T>(candidates: readonly string[], ask: (address: string) => Promise<T>, graceMs: number): Promise<{ address: string; value: T }[]> {
  return new Promise((resolve, reject) => {
    const answers: { address: string; value: T }[] = [];
    const errors: unknown[] = [];
    let pending = candidates.length;
    let done = false;
    let grace: NodeJS.Timeout | undefined;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(grace);
      if (answers.length > 0) resolve([...answers]);
      else reject(errors[0] ?? new Error("no broker address to ask"));
    };
    if (pending === 0) finish();
    for (const address of candidates) {
      ask(address)
        .then(
          (value) => {
            answers.push({ address, value });
            if (answers.length === 1) grace = setTimeout(finish, graceMs);
          },
          (err: unknown) => errors.push(err),
        )
        .finally(() => {
          if (--pending === 0) finish();
        });
    }
  });
}
