"use client";
// The process side of a broker: status, pid or container, and for how long.
import type { BrokerView, RuntimeInfo } from "@/lib/model/cluster";
import { formatDuration } from "@/components/ui/format";
import { useNow } from "@/components/ui/use-now";

const SINCE_WORD = { running: "up", paused: "paused", exited: "down", missing: "missing" } as const;

export function RuntimeLine({ broker: b, runtime }: { broker: BrokerView; runtime: RuntimeInfo }) {
  const now = useNow();
  const rt = b.runtime;
  if (!rt) {
    // Say which: a dashboard that runs no brokers, or a runtime that does not answer now.
    const words = runtime.kind !== "none" && !runtime.available ? `${runtime.kind} runtime unavailable: Kafka's view only` : "No runtime: Kafka's view only";
    return (
      <p data-testid={`broker-runtime-${b.id}`} data-status="unknown" className="text-xs text-slate-600 dark:text-slate-400">
        {words}
      </p>
    );
  }
  const handle = rt.pid !== undefined ? `pid ${rt.pid}` : rt.containerId ? `container ${rt.containerId.slice(0, 12)}` : "";
  return (
    <p data-testid={`broker-runtime-${b.id}`} data-status={rt.status} className="flex justify-between gap-2 text-xs text-slate-700 dark:text-slate-300">
      <span className="truncate">
        runtime <strong className="font-semibold">{rt.status}</strong>
        {handle && <span> · {handle}</span>}
      </span>
      <span data-testid={`broker-uptime-${b.id}`} className="w-28 shrink-0 text-right tabular-nums">
        {rt.since !== null ? `${SINCE_WORD[rt.status]} ${formatDuration(now - rt.since)}` : ""}
      </span>
    </p>
  );
}
