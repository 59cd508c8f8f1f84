// Consumer groups, their state and committed offsets, fetched in the background
// so they never hold up a poll: a paused group coordinator costs a timeout here,
// not a late snapshot. The poll takes the last answer and computes the lag
// against its own fresh high watermarks. The group list changes rarely and
// kafkajs's listGroups refreshes the metadata of every topic first (10,000
// partitions, decoded by kafkajs), so it is asked every LIST_EVERY_MS only.
import type { Admin } from "kafkajs";
import type { ConsumerGroupLag } from "@/lib/model/cluster";
import { withTimeout } from "@/lib/util/poll";

export interface GroupOffsets {
  groupId: string;
  state: string;
  members: number;
  offsets: { topic: string; partitions: { partition: number; offset: string }[] }[];
}

const LIST_EVERY_MS = 10_000;

export class GroupSampler {
  private ids: string[] | null = null;
  private listedAt = 0;
  private last: GroupOffsets[] | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(
    /** The shared admin client; rejects when it cannot connect. */
    private readonly admin: () => Promise<Admin>,
    /** Called when a call failed: the admin client is likely broken. */
    private readonly onFailure: () => void,
    private readonly timeoutMs: number,
    private readonly maxGroups = 50,
  ) {}

  /** The last groups fetched (null: never fetched); starts the next fetch unless one runs. Never waits. */
  current(now = Date.now()): GroupOffsets[] | null {
    this.inFlight ??= this.fetch(now).finally(() => (this.inFlight = null));
    return this.last;
  }

  /** Waits for the fetch under way (tests, the first poll). */
  async settled(): Promise<void> {
    await this.inFlight;
  }

  private async fetch(now: number): Promise<void> {
    // One budget for the whole chain: a paused coordinator must not cost a timeout per call.
    try {
      this.last = await withTimeout(this.fetchUnbounded(now), this.timeoutMs * 2, "consumer groups timed out");
    } catch {
      this.onFailure();
    }
  }

  private async fetchUnbounded(now: number): Promise<GroupOffsets[]> {
    const admin = await this.admin();
    if (this.ids === null || now - this.listedAt >= LIST_EVERY_MS) {
      const { groups } = await admin.listGroups();
      this.ids = groups.map((g) => g.groupId).sort().slice(0, this.maxGroups);
      this.listedAt = now;
    }
    const ids = this.ids;
    if (ids.length === 0) return [];
    const described = await admin.describeGroups(ids);
    const offsets = await Promise.all(ids.map((groupId) => admin.fetchOffsets({ groupId }).catch(() => null)));
    return mergeGroups(ids, described.groups, offsets, this.last);
  }
}

/**
 * One fetch's groups. A group whose offsets could not be fetched (null: its
 * coordinator just died) keeps its last ones: an empty list would read as lag 0.
 * A group deleted since the list is "Unknown" until the next list.
 */
export function mergeGroups(
  ids: readonly string[],
  described: readonly { groupId: string; state: string; members: readonly unknown[] }[],
  offsets: readonly (GroupOffsets["offsets"] | null)[],
  last: readonly GroupOffsets[] | null,
): GroupOffsets[] {
  return ids.map((groupId, i) => {
    const d = described.find((g) => g.groupId === groupId);
    const kept = offsets[i] ?? last?.find((g) => g.groupId === groupId)?.offsets ?? [];
    return { groupId, state: d?.state ?? "Unknown", members: d?.members.length ?? 0, offsets: kept };
  });
}

/** Lag = high watermark minus committed offset, per topic; null passes through (nothing fetched yet). */
export function withLag(groups: readonly GroupOffsets[] | null, highWatermarks: Record<string, Record<number, number>>): ConsumerGroupLag[] | null {
  if (!groups) return null;
  return groups.map((g) => {
    const topics = g.offsets.map((t) => ({
      topic: t.topic,
      lag: t.partitions.reduce((sum, p) => {
        const committed = Number(p.offset);
        const hw = highWatermarks[t.topic]?.[p.partition];
        return committed >= 0 && hw !== undefined ? sum + Math.max(0, hw - committed) : sum;
      }, 0),
    }));
    return { groupId: g.groupId, state: g.state, members: g.members, totalLag: topics.reduce((s, t) => s + t.lag, 0), topics };
  });
}
