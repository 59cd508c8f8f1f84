// What changed between two snapshots, as timeline entries. Pure: the caller
// keeps the small TimelineState (next id, when URP rose, last controller) and
// passes back the one returned.
import { describeLeaderMoves, detectLeaderMoves } from "./leader-moves";
import type { BrokerState, BrokerView, ClusterHealth, ClusterSnapshot, PartitionState, TimelineEntry } from "@/lib/model/cluster";
import { formatDuration, listIds, plural } from "./words";

export interface TimelineState {
  nextId: number;
  /** When under-replicated partitions last rose above 0; null while there are none. */
  urpSince: number | null;
  /** URP was already above 0 at the first snapshot, so urpSince is only the monitor's start. */
  urpSinceStart: boolean;
  /** Last known active controller; -1 when the quorum had no leader, null when never known. */
  controllerId: number | null;
}

export function initialTimelineState(nextId = 1): TimelineState {
  return { nextId, urpSince: null, urpSinceStart: false, controllerId: null };
}

export interface Transitions {
  entries: TimelineEntry[];
  state: TimelineState;
}

type Draft = Omit<TimelineEntry, "id" | "at">;

/** Partition lists of both polls; without them leader moves are not detected (snapshots hold no partitions). */
export interface PartitionsPair {
  prev: readonly PartitionState[];
  next: readonly PartitionState[];
}

export function detectTransitions(
  prev: ClusterSnapshot | null,
  next: ClusterSnapshot,
  state: TimelineState,
  partitions?: PartitionsPair,
): Transitions {
  const drafts: Draft[] = [];
  const s: TimelineState = { ...state };

  if (!prev) {
    const message = `monitor started: ${next.health}, ${next.healthReason}`;
    drafts.push({ kind: "health", severity: HEALTH_SEVERITY[next.health], message });
    // A runtime already gone at start has no transition to report later: say it now.
    const rt = runtimeChange(null, next);
    if (rt) drafts.push(rt);
  } else {
    drafts.push(...brokerChanges(prev.brokers, next.brokers));
    const rt = runtimeChange(prev.runtime, next);
    if (rt) drafts.push(rt);
  }

  if (next.quorum) {
    const cur = next.quorum.leaderId < 0 ? -1 : next.quorum.leaderId;
    const last = s.controllerId;
    if (prev && last !== null && cur !== last) drafts.push(controllerChange(last, cur));
    s.controllerId = cur;
  }

  if (partitions && next.reachable) {
    const moves = detectLeaderMoves(partitions.prev, partitions.next);
    if (moves.length > 0) {
      const lost = moves.some((m) => m.to < 0);
      drafts.push({ kind: "leader_moves", severity: lost ? "warn" : "info", message: describeLeaderMoves(moves) });
    }
  }

  // An unreachable poll has no partitions: its URP of 0 is ignorance, not recovery.
  if (next.reachable) {
    const urp = urpChange(prev === null, next, s);
    if (urp) drafts.push(urp);
  }

  if (prev && prev.health !== next.health) {
    const message = `cluster ${prev.health} → ${next.health}: ${next.healthReason}`;
    drafts.push({ kind: "health", severity: HEALTH_SEVERITY[next.health], message });
  }

  const entries = drafts.map((d) => ({ id: s.nextId++, at: next.at, ...d }));
  return { entries, state: s };
}

const HEALTH_SEVERITY: Record<ClusterHealth, TimelineEntry["severity"]> = {
  HEALTHY: "ok",
  DEGRADED: "warn",
  CRITICAL: "critical",
  UNREACHABLE: "critical",
};

const STATE_SEVERITY: Record<BrokerState, TimelineEntry["severity"]> = {
  RUNNING: "ok",
  STARTING: "info",
  RECOVERING: "info",
  PARTITIONED: "warn",
  SHUTDOWN: "warn",
  UNRESPONSIVE: "warn",
};

/** Beyond this many brokers making the same change at once, one summary entry replaces them. */
const GROUP_OVER = 3;

function brokerChanges(prev: readonly BrokerView[], next: readonly BrokerView[]): Draft[] {
  const before = new Map(prev.map((b) => [b.id, b]));
  const groups = new Map<string, { ids: number[]; from: string; to: BrokerState; reason: string }>();
  for (const b of next) {
    const old = before.get(b.id);
    if (old && old.state === b.state) continue;
    const from = old ? old.state : "new";
    const k = `${from}\u0000${b.state}\u0000${b.reason}`;
    const g = groups.get(k) ?? { ids: [], from, to: b.state, reason: b.reason };
    g.ids.push(b.id);
    groups.set(k, g);
  }
  const drafts: Draft[] = [];
  for (const g of groups.values()) {
    const change = g.from === "new" ? `${g.to} (${g.reason})` : `${g.from} → ${g.to} (${g.reason})`;
    const severity = STATE_SEVERITY[g.to];
    if (g.ids.length > GROUP_OVER) {
      drafts.push({ kind: "broker_state", severity, message: `brokers ${listIds(g.ids)}: ${change}` });
    } else {
      for (const id of g.ids) {
        drafts.push({ kind: "broker_state", severity, brokerId: id, message: `broker ${id}: ${change}` });
      }
    }
  }
  return drafts;
}

/** Updates the URP clock in s; returns the entry to record, if any. */
function urpChange(first: boolean, next: ClusterSnapshot, s: TimelineState): Draft | null {
  const urp = next.figures.underReplicated;
  if (urp > 0 && s.urpSince === null) {
    s.urpSince = next.at;
    s.urpSinceStart = first;
    if (first) return null;
    return { kind: "urp_started", severity: "warn", message: `${plural(urp, "partition")} under-replicated` };
  }
  if (urp > 0 || s.urpSince === null) return null;
  const durationMs = next.at - s.urpSince;
  const took = formatDuration(durationMs);
  const sinceStart = s.urpSinceStart;
  s.urpSince = null;
  s.urpSinceStart = false;
  const kind = "urp_recovered";
  // Counted from the monitor's start the figure is only a lower bound, so it is not offered as data.
  const what = "under-replicated partitions back to 0";
  if (sinceStart) return { kind, severity: "ok", message: `${what}, ${took} after monitor start` };
  return { kind, severity: "ok", message: `${what}: recovered in ${took}`, durationMs };
}

function controllerChange(last: number, cur: number): Draft {
  const kind = "controller";
  if (cur < 0) {
    return { kind, severity: "critical", brokerId: last, message: `KRaft quorum has no leader (was ${last})` };
  }
  if (last < 0) return { kind, severity: "ok", brokerId: cur, message: `KRaft quorum elected controller ${cur}` };
  return { kind, severity: "info", brokerId: cur, message: `active controller moved ${last} → ${cur}` };
}

/** The runtime (Docker engine, local processes) going away or coming back: the controls follow it. */
function runtimeChange(was: ClusterSnapshot["runtime"] | null, next: ClusterSnapshot): Draft | null {
  const now = next.runtime;
  // At start (no previous state) only an unavailable runtime is news.
  if (now.kind === "none" || (was ?? { available: true }).available === now.available) return null;
  if (!now.available) {
    return { kind: "runtime", severity: "warn", message: `${now.kind} runtime unavailable, controls read-only: ${now.reason ?? "no reason given"}` };
  }
  return { kind: "runtime", severity: "ok", message: `${now.kind} runtime available again, controls enabled` };
}
