"use client";
import type { ClusterHealth, ClusterSnapshot } from "@/lib/model/cluster";
import { formatClock } from "@/components/ui/format";
import { HEALTH_LOOK } from "./tones";

export interface HealthBannerProps {
  snapshot: ClusterSnapshot;
  serverDown: boolean;
}

export function HealthBanner({ snapshot, serverDown }: HealthBannerProps) {
  // With the server gone nothing about the cluster is known, only what was last seen.
  const health: ClusterHealth = serverDown ? "UNREACHABLE" : snapshot.health;
  const reason = serverDown
    ? `the dashboard server is not answering (the cluster was last seen ${snapshot.health})`
    : snapshot.healthReason;
  const active = snapshot.brokers.find((b) => b.id === snapshot.controllerId);
  const controller = snapshot.controllerId === null ? "none" : `${active?.controllerOnly ? "node" : "broker"} ${snapshot.controllerId}`;
  return (
    <section
      data-testid="health-banner"
      data-health={health}
      aria-label="Cluster health"
      className={`flex min-h-20 items-center gap-4 rounded-lg border px-4 py-3 ${HEALTH_LOOK[health]}`}
    >
      <div role="status" className="flex min-w-0 flex-1 items-center gap-4">
        <span data-testid="health-state" className="w-44 shrink-0 text-center text-xl font-bold tracking-wide">
          {health}
        </span>
        <p data-testid="health-reason" className="min-w-0 text-sm">
          {reason}
        </p>
      </div>
      <dl className="grid shrink-0 grid-cols-[auto_auto] gap-x-2 text-xs tabular-nums">
        <dt>as of</dt>
        <dd className="w-16 text-right">{formatClock(snapshot.at)}</dd>
        <dt>controller</dt>
        <dd className="w-16 text-right">{controller}</dd>
        <dt>poll</dt>
        <dd className="w-16 text-right" title={pollPartsText(snapshot.pollParts)}>
          {snapshot.pollMs} ms
        </dd>
      </dl>
    </section>
  );
}

/** What the poll waited on, slowest first: "metadata 42 ms · canary 31 ms · …" (the tooltip of the poll figure). */
function pollPartsText(parts: ClusterSnapshot["pollParts"]): string | undefined {
  if (!parts) return undefined;
  const text = Object.entries(parts)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([part, ms]) => `${part} ${ms} ms`)
    .join(" · ");
  return text || undefined;
}
