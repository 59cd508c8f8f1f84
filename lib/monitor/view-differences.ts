// Where Kafka's metadata and the effective view part: a broker known down (its
// process, its own probe) that Kafka still lists in ISRs or as a leader, because
// it has not fenced it yet, or cannot (no active controller). Said with why and
// until when, so the page can show both views honestly.
import type { PartitionState, ViewDifference } from "@/lib/model/cluster";
import { DEFAULT_SESSION_TIMEOUT_MS } from "./canary";
import { formatDuration, plural } from "./words";

export interface DifferenceInput {
  partitions: readonly PartitionState[];
  down: readonly { id: number; registered: boolean; downSince: number | null }[];
  sessionTimeoutMs: number | null;
  /** No active controller: Kafka's metadata cannot change until one is elected. */
  metadataFrozen: boolean;
}

export function viewDifferences(input: DifferenceInput): ViewDifference[] {
  if (input.down.length === 0) return [];
  const isr = new Map<number, number>();
  const leads = new Map<number, number>();
  const ids = new Set(input.down.map((d) => d.id));
  for (const p of input.partitions) {
    if (ids.has(p.leader)) leads.set(p.leader, (leads.get(p.leader) ?? 0) + 1);
    for (const r of p.isr) if (ids.has(r)) isr.set(r, (isr.get(r) ?? 0) + 1);
  }
  const session = input.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
  const out: ViewDifference[] = [];
  for (const d of input.down) {
    const isrCount = isr.get(d.id) ?? 0;
    const leaderCount = leads.get(d.id) ?? 0;
    if (isrCount === 0 && leaderCount === 0 && !d.registered) continue;
    const listed = [
      isrCount > 0 ? `in ${plural(isrCount, "ISR")}` : null,
      leaderCount > 0 ? `as leader of ${plural(leaderCount, "partition")}` : null,
      d.registered ? "as registered" : null,
    ].filter(Boolean);
    const what = `Kafka still lists broker ${d.id} ${listed.join(", ")}`;
    const fenceExpectedAt = d.registered && !input.metadataFrozen && d.downSince !== null ? d.downSince + session : null;
    const why = input.metadataFrozen
      ? "its metadata is frozen (no active controller), so nothing changes until one is elected"
      : d.registered
        ? `it will be fenced about ${formatDuration(session)} after its last heartbeat (broker.session.timeout.ms)`
        : "the ISRs shrink as the leaders notice";
    out.push({ brokerId: d.id, isrCount, leaderCount, registered: d.registered, fenceExpectedAt, message: `${what}; ${why}` });
  }
  return out;
}
