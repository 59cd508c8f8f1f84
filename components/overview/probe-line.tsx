"use client";
// The broker's own liveness probe (ApiVersions on a connection of its own) and,
// once it is known down, for how long: the number to hold against Kafka's
// session timeout when its metadata still lists the broker.
import type { BrokerView } from "@/lib/model/cluster";
import { formatDuration } from "@/components/ui/format";
import { formatMs } from "@/components/ui/format-ms";
import { useNow } from "@/components/ui/use-now";

export function ProbeLine({ broker: b }: { broker: BrokerView }) {
  const now = useNow();
  const probe =
    b.probeFailures > 0 ? `probe failed${b.probeFailures > 1 ? ` ${b.probeFailures}× in a row` : ""}` : b.probeMs !== null ? `probe ${formatMs(b.probeMs)}` : "not probed";
  return (
    <p data-testid={`broker-probe-${b.id}`} className="flex justify-between gap-2 text-xs text-slate-700 dark:text-slate-300">
      <span className={`tabular-nums ${b.probeFailures > 0 ? "font-semibold text-red-800 dark:text-red-300" : ""}`} title="Round trip of this broker's own liveness probe">
        {probe}
      </span>
      {b.effectivelyDown && b.downSince !== null && (
        <span data-testid={`broker-down-for-${b.id}`} className="shrink-0 text-right font-semibold tabular-nums text-red-800 dark:text-red-300">
          down for {formatDuration(now - b.downSince)}
        </span>
      )}
    </p>
  );
}
