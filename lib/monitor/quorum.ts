// The KRaft quorum's verdict: is there an active controller, and can the quorum
// still commit? Voters may be dedicated controllers that never register as
// brokers, so liveness comes from the runtime first, then from each voter's own
// answer when it was asked directly, else from the leader's view (when each
// voter last fetched). Only a voter answering DescribeQuorum as leader proves an
// active controller: with pre-vote (KIP-996) a lone survivor keeps naming its
// dead leader. "Could not be described" is therefore a finding (no active
// controller), never "not judged".
import { isCutOff, type BrokerProcess } from "@/lib/model/runtime";
import type { QuorumState, QuorumVerdict, VoterView } from "@/lib/model/cluster";
import { formatDuration } from "./words";

/** A follower fetches every few hundred ms; this much silence means it is gone. */
export const VOTER_STALE_MS = 10_000;
/**
 * How long "no active controller" with a majority alive counts as an election
 * under way before it is called what it then is: a quorum that cannot elect.
 * Measured here: a paused leader is replaced ~5 s after the freeze (fetch
 * timeout 2 s, pre-vote, vote, a few election timeouts of 1 s under load).
 */
export const ELECTION_GRACE_MS = 8_000;

export interface QuorumInput {
  /** The leader's own DescribeQuorum answer; null when no leader answered. */
  quorum: QuorumState | null;
  views: readonly VoterView[];
  via: "controllers" | "brokers";
  at: number;
  runtimeOf: (id: number) => BrokerProcess | null;
  /** The previous verdict's noLeaderSince (null when it had a leader or there was none). */
  prevNoLeaderSince: number | null;
  graceMs?: number;
  staleMs?: number;
}

export function quorumVerdict(input: QuorumInput): QuorumVerdict {
  const { quorum, views, at } = input;
  const graceMs = input.graceMs ?? ELECTION_GRACE_MS;
  const ids = [...new Set([...(quorum?.voters ?? []).map((v) => v.id), ...views.map((v) => v.id)])].sort((a, b) => a - b);
  const alive = (id: number) => voterAlive(id, input);
  const down = ids.filter((id) => !alive(id));
  const voters = ids.length;
  const majority = Math.floor(voters / 2) + 1;
  const aliveCount = voters - down.length;
  // A QuorumState exists only when a leader answered DescribeQuorum itself (directly or forwarded).
  const answeredLeader = quorum && quorum.leaderId >= 0 && alive(quorum.leaderId) ? quorum.leaderId : null;
  const leader = views.find((v) => v.confirmedLeader && alive(v.id))?.id ?? answeredLeader;
  const base = { voters, alive: aliveCount, majority, down, views: [...views], via: input.via };
  const noLeaderSince = leader === null ? (input.prevNoLeaderSince ?? at) : null;
  const counted = `${aliveCount} of ${voters} voters alive`;

  if (voters === 0) {
    const lost = at - (noLeaderSince ?? at) >= graceMs;
    return {
      ...base,
      status: lost ? "lost" : "electing",
      activeControllerId: null,
      noLeaderSince,
      reason: "no active controller: the KRaft quorum could not be described (no voter answered)",
    };
  }
  if (aliveCount < majority) {
    return {
      ...base,
      status: "lost",
      activeControllerId: leader,
      noLeaderSince,
      reason: `KRaft quorum lost: ${aliveCount} of ${voters} controllers alive, ${majority} needed`,
    };
  }
  if (leader !== null) {
    return { ...base, status: "ok", activeControllerId: leader, noLeaderSince: null, reason: `controller ${leader} active, ${counted}` };
  }
  const waited = at - (noLeaderSince ?? at);
  return {
    ...base,
    status: waited < graceMs ? "electing" : "lost",
    activeControllerId: null,
    noLeaderSince,
    reason:
      waited < graceMs
        ? `no active controller for ${formatDuration(waited)}: electing one (${counted})`
        : `no active controller for ${formatDuration(waited)} (${counted})`,
  };
}

function voterAlive(id: number, input: QuorumInput): boolean {
  const runtime = input.runtimeOf(id);
  if (runtime && runtime.status !== "running") return false;
  // Cut off by one of our network faults: it may answer us, but it takes no part in the quorum.
  if ((runtime?.faults ?? []).some(isCutOff)) return false;
  const view = input.views.find((v) => v.id === id);
  // Asked directly: its own answer is the evidence.
  if (view?.endpoint) return view.answered;
  const q = input.quorum;
  if (q && q.leaderId >= 0) {
    // The leader answered DescribeQuorum itself, and does not fetch from anyone.
    if (id === q.leaderId) return true;
    const lastFetch = q.voters.find((v) => v.id === id)?.lastFetchTimestamp ?? null;
    // Old protocol versions give no timestamp: with nothing to go on, do not cry wolf.
    if (lastFetch === null) return true;
    return input.at - lastFetch <= (input.staleMs ?? VOTER_STALE_MS);
  }
  // No leader's view and not asked directly: only a running process speaks for it.
  return runtime !== null;
}
