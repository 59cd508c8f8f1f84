// Pure reading of partition tables for the drill: who leads the drill topic,
// which broker "auto" means, what moved between two samples, how many
// partitions are under-replicated.
import type { PartitionState } from "@/lib/model/cluster";
import type { LeaderMove } from "./progress";

/** partition → leader id (-1 when leaderless) for one topic. */
export function leadersOf(partitions: readonly PartitionState[], topic: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of partitions) if (p.topic === topic) out.set(p.partition, p.leader);
  return out;
}

/** The broker leading the most of these partitions; ties go to the lowest id. Null when none leads any. */
export function busiestLeader(leaders: ReadonlyMap<number, number>): number | null {
  const counts = new Map<number, number>();
  for (const leader of leaders.values()) if (leader >= 0) counts.set(leader, (counts.get(leader) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return best ? best[0] : null;
}

/** Partitions led by `broker`, ascending. */
export function ledBy(leaders: ReadonlyMap<number, number>, broker: number): number[] {
  return [...leaders].filter(([, l]) => l === broker).map(([p]) => p).sort((a, b) => a - b);
}

/** Leader changes from `prev` to `next` (a partition going leaderless counts: to = -1). */
export function diffLeaders(prev: ReadonlyMap<number, number>, next: ReadonlyMap<number, number>, t: number): LeaderMove[] {
  const moves: LeaderMove[] = [];
  for (const [partition, to] of next) {
    const from = prev.get(partition);
    if (from !== undefined && from !== to) moves.push({ t, partition, from, to });
  }
  return moves.sort((a, b) => a.partition - b.partition);
}

/** Under-replicated partitions across every topic: |ISR| < |replicas|. */
export function underReplicated(partitions: readonly PartitionState[]): number {
  return partitions.reduce((n, p) => n + (p.isr.length < p.replicas.length ? 1 : 0), 0);
}
