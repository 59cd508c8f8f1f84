// Partition leader changes between two polls, and the one-line summary the
// timeline shows: a failover moves hundreds of leaders at once, so only a few
// are named.
import type { PartitionState } from "@/lib/model/cluster";

export interface LeaderMove {
  topic: string;
  partition: number;
  /** -1 when the partition had no leader. */
  from: number;
  to: number;
}

/** Partitions present in both polls whose leader differs, ordered by topic then partition. */
export function detectLeaderMoves(
  prev: readonly PartitionState[],
  next: readonly PartitionState[],
): LeaderMove[] {
  if (prev.length === 0 || next.length === 0) return [];
  const before = new Map<string, number>();
  for (const p of prev) before.set(key(p.topic, p.partition), p.leader);
  const moves: LeaderMove[] = [];
  for (const p of next) {
    const from = before.get(key(p.topic, p.partition));
    if (from !== undefined && from !== p.leader) {
      moves.push({ topic: p.topic, partition: p.partition, from, to: p.leader });
    }
  }
  return moves.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
}

const LISTED = 5;

/** "5 partition leaders moved: user_action-0 2→1, …". */
export function describeLeaderMoves(moves: readonly LeaderMove[]): string {
  const head = moves.length === 1 ? "1 partition leader moved" : `${moves.length} partition leaders moved`;
  const shown = moves
    .slice(0, LISTED)
    .map((m) => `${m.topic}-${m.partition} ${leaderName(m.from)}→${leaderName(m.to)}`)
    .join(", ");
  const rest = moves.length > LISTED ? `, … (+${moves.length - LISTED} more)` : "";
  return `${head}: ${shown}${rest}`;
}

function leaderName(id: number): string {
  return id < 0 ? "none" : String(id);
}

// A NUL cannot occur in a topic name, so the key is unambiguous.
function key(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}
