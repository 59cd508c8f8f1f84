// The canary: writability measured by writing, one partition per broker. Shown
// beside the figures because metadata can claim "all in sync" while acks=all
// writes are waiting on a dead broker.
import type { CanaryPartitionState, CanaryState } from "@/lib/model/cluster";
import { Badge, type Tone } from "@/components/ui/badge";
import { formatMs } from "@/components/ui/format-ms";

const STATUS_TONE: Record<CanaryState["status"], Tone> = { ok: "green", stalled: "amber", failing: "red", unknown: "slate" };

function PartitionChip({ p }: { p: CanaryPartitionState }) {
  // The write goes to whoever leads now; say so when that is not the broker it is meant for.
  const via = p.leader >= 0 && p.leader !== p.broker ? ` via ${p.leader}` : p.leader < 0 ? " (no leader)" : "";
  const title = `partition ${p.partition}, leader ${p.leader < 0 ? "none" : p.leader}` +
    (p.endToEndMs !== null ? `, end to end ${formatMs(p.endToEndMs)}` : "") + (p.error ? `: ${p.error}` : "");
  return (
    <li
      data-testid={`canary-partition-${p.partition}`}
      data-broker={p.broker}
      data-ok={p.ok ? "true" : "false"}
      title={title}
      className={`rounded px-1.5 py-0.5 tabular-nums ring-1 ring-inset ${p.ok ? "ring-slate-300 dark:ring-slate-600" : "bg-red-50 font-semibold text-red-900 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-800"}`}
    >
      broker {p.broker}: {p.ok ? formatMs(p.produceMs) : `failed${p.failStreak > 1 ? ` ×${p.failStreak}` : ""}${p.explained ? " (expected to clear)" : ""}`}
      <span className="font-normal text-slate-600 dark:text-slate-400">{via}</span>
      {p.error && <span className="sr-only">: {p.error}</span>}
    </li>
  );
}

export function CanaryStrip({ canary }: { canary: CanaryState | null }) {
  if (!canary) {
    return (
      <p data-testid="canary-off" className="text-xs text-slate-600 dark:text-slate-400">
        Canary writes are off: writability is inferred from metadata only.
      </p>
    );
  }
  return (
    <section
      data-testid="canary"
      aria-label="Canary writes"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-slate-200 bg-white px-3 py-2 text-xs dark:border-slate-700 dark:bg-slate-900"
    >
      <span className="font-medium">
        Canary <span className="font-normal text-slate-600 dark:text-slate-400">({canary.topic})</span>
      </span>
      <Badge data-testid="canary-status" tone={STATUS_TONE[canary.status]} className="w-16">
        {canary.status}
      </Badge>
      <p data-testid="canary-reason" className="min-w-0 flex-1">
        {canary.reason}
      </p>
      {canary.partitions.length > 0 && (
        <ul aria-label="Produce latency per broker" className="flex flex-wrap gap-1">
          {[...canary.partitions].sort((a, b) => a.broker - b.broker || a.partition - b.partition).map((p) => (
            <PartitionChip key={p.partition} p={p} />
          ))}
        </ul>
      )}
    </section>
  );
}
