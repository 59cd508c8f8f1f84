// One row per quorum node: each voter's own answer (asked directly) joined with
// the leader's replication figures for it. Either side may be missing: a dead
// voter has no fresh answer, and without a leader there are no figures at all.
import type { QuorumMember, QuorumState, QuorumVerdict, VoterView } from "@/lib/model/cluster";

export interface QuorumRow {
  id: number;
  observer: boolean;
  /** The verdict's active controller (a voter that answered as leader itself and is judged alive). */
  leader: boolean;
  view: VoterView | null;
  member: QuorumMember | null;
}

export function quorumRows(verdict: QuorumVerdict, quorum: QuorumState | null): QuorumRow[] {
  const views = new Map(verdict.views.map((v) => [v.id, v]));
  const members = new Map((quorum?.voters ?? []).map((m) => [m.id, m]));
  const ids = [...new Set([...views.keys(), ...members.keys()])].sort((a, b) => a - b);
  const voters = ids.map((id): QuorumRow => {
    // The badge follows the verdict, not the raw view: a voter judged down may still have
    // answered as leader, and the panel must not show a leader beside "No active controller".
    const leader = id === verdict.activeControllerId;
    return { id, observer: false, leader, view: views.get(id) ?? null, member: members.get(id) ?? null };
  });
  const observers = (quorum?.observers ?? [])
    .filter((m) => !views.has(m.id) && !members.has(m.id))
    .map((m): QuorumRow => ({ id: m.id, observer: true, leader: false, view: null, member: m }));
  return [...voters, ...observers];
}

/** The leader a voter names, in words: it may still name a dead one (pre-vote). */
export function namedLeader(view: VoterView | null): string {
  if (!view || view.leaderId === null) return "—";
  return view.leaderId < 0 ? "none" : String(view.leaderId);
}
