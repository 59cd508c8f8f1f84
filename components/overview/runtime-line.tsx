"use client";
// The process side of a broker: status, pid or container, and for how long.
import type { BrokerView } from "@/lib/monitor/types";
import { formatDuration } from "@/components/ui/format";
import { useNow } from "@/components/ui/use-now";

const SINCE_WORD = { running: "up", paused: "paused", exited: "down", missing: "missing" } as const;

export function RuntimeLine({ broker: b }: { broker: BrokerView }) {
  const now = useNow();
  const rt = b.runtime;
  if (!rt) {
    return <p className="text-xs text-slate-600 dark:text-slate-400">No runtime: Kafka's view only</p>;
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
