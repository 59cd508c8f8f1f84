// Whether the KRaft quorum can still commit: it needs a leader and a majority of
// voters alive. Voters may be dedicated controllers that never register as
// brokers, so liveness comes from the runtime when it knows, else from the
// leader's own view (when each voter last fetched).
import type { BrokerProcess } from "@/lib/model/runtime";
import type { QuorumState } from "@/lib/model/cluster";

/** A follower fetches every few hundred ms; this much silence means it is gone. */
export const VOTER_STALE_MS = 10_000;

export interface QuorumHealth {
  hasLeader: boolean;
  voters: number;
  alive: number;
  /** Voters needed for a majority. */
  majority: number;
  /** Voter ids judged dead, ascending. */
  down: number[];
}

export function quorumHealth(
  quorum: QuorumState,
  at: number,
  runtimeOf: (id: number) => BrokerProcess | null,
  staleMs = VOTER_STALE_MS,
): QuorumHealth {
  const down: number[] = [];
  for (const v of quorum.voters) {
    if (!voterAlive(v.id, v.lastFetchTimestamp, quorum.leaderId, at, runtimeOf(v.id), staleMs)) down.push(v.id);
  }
  down.sort((a, b) => a - b);
  const voters = quorum.voters.length;
  return {
    hasLeader: quorum.leaderId >= 0,
    voters,
    alive: voters - down.length,
    majority: Math.floor(voters / 2) + 1,
    down,
  };
}

export function quorumLost(q: QuorumHealth): boolean {
  return !q.hasLeader || (q.voters > 0 && q.alive < q.majority);
}

function voterAlive(
  id: number,
  lastFetch: number | null,
  leaderId: number,
  at: number,
  runtime: BrokerProcess | null,
  staleMs: number,
): boolean {
  if (runtime && runtime.status !== "running") return false;
  // The leader answered DescribeQuorum itself, and does not fetch from anyone.
  if (id === leaderId) return true;
  // Old protocol versions give no timestamp: with nothing to go on, do not cry wolf.
  if (lastFetch === null) return true;
  return at - lastFetch <= staleMs;
}
