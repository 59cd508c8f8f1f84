// Committed offsets of the traffic's consumer groups, moved with the admin client
// while the group is empty (Kafka refuses it for a group with live members).
import type { Admin } from "kafkajs";
import { sleep } from "@/lib/util/poll";
import { kafkaClient } from "./client";

/** topic → partition → next offset to read (what a commit should say). */
export type ProcessedOffsets = Map<string, Map<number, number>>;

/** Moves the (now empty) group's committed offsets up to what was processed; never backwards. */
export async function commitProcessed(admin: Admin, groupId: string, processed: ProcessedOffsets): Promise<void> {
  if (processed.size === 0) return;
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics: [...processed.keys()] });
    for (const [topic, partitions] of processed) {
      const have = committed.find((t) => t.topic === topic)?.partitions ?? [];
      const behind = [...partitions]
        .filter(([p, next]) => next > Number(have.find((x) => x.partition === p)?.offset ?? -1))
        .map(([partition, next]) => ({ partition, offset: String(next) }));
      if (behind.length > 0) await admin.setOffsets({ groupId, topic, partitions: behind });
    }
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/**
 * On a cluster seconds old the first group request creates __consumer_offsets,
 * and the coordinators answer NOT_COORDINATOR / COORDINATOR_LOAD_IN_PROGRESS
 * for a while: asked again (bounded) until one answers for real.
 */
async function describeWithPatience(admin: Admin, groupIds: readonly string[]) {
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      return (await admin.describeGroups([...groupIds])).groups;
    } catch (err) {
      if (Date.now() > until) throw err;
      await sleep(500);
    }
  }
}

/**
 * A member that could not leave (its coordinator was down when it stopped, its
 * process died) is dropped after the session timeout (10 s), or, when a
 * rebalance is under way, after the rebalance timeout (20 s, consumer-group.ts).
 */
const MEMBER_EXPIRY_MS = 30_000;

/**
 * Refuses when any of the groups keeps members: two traffic runs (the
 * dashboard's and a CLI's, say) in the same groups would split the partitions
 * between them and each would count half the events. A member left behind by
 * a run that stopped while its coordinator was down goes after at most the
 * rebalance timeout, so members are waited out that long first. DescribeGroups
 * only: no join.
 */
export async function assertGroupsIdle(bootstrap: readonly string[], groupIds: readonly string[]): Promise<void> {
  const admin = kafkaClient({ bootstrap, clientId: "streamsocial-traffic-setup", timeoutMs: 5000, retries: 3 }).admin();
  await admin.connect();
  try {
    const until = Date.now() + MEMBER_EXPIRY_MS;
    for (;;) {
      const busy = (await describeWithPatience(admin, groupIds)).filter((g) => g.members.length > 0);
      if (busy.length === 0) return;
      if (Date.now() > until) {
        const names = busy.map((g) => `${g.groupId} (${g.members.length} member${g.members.length > 1 ? "s" : ""})`).join(", ");
        throw new Error(`consumer group${busy.length > 1 ? "s" : ""} ${names} still in use after ${MEMBER_EXPIRY_MS / 1000} s: is another traffic run going (npm run traffic, another dashboard)?`);
      }
      await sleep(500);
    }
  } finally {
    await admin.disconnect().catch(() => {});
  }
}
