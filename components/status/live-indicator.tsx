"use client";
// "live" while the SSE stream delivers; "reconnecting" otherwise, saying whether
// polling still gets data through or nothing answers at all.
import { useCluster, type Connection } from "@/lib/swr/use-cluster";

const LOOK: Record<Connection, { label: string; detail: string; dot: string }> = {
  connecting: { label: "connecting", detail: "opening the live stream", dot: "bg-slate-400" },
  live: { label: "live", detail: "live stream connected", dot: "bg-emerald-500" },
  polling: { label: "reconnecting", detail: "polling every 2 s", dot: "bg-amber-500 animate-pulse" },
  offline: { label: "reconnecting", detail: "server not answering", dot: "bg-red-600 animate-pulse" },
  locked: { label: "locked", detail: "log in with the dashboard token", dot: "bg-slate-500" },
};

export function LiveIndicator() {
  const { connection } = useCluster();
  const look = LOOK[connection];
  return (
    <div
      data-testid="live-indicator"
      data-connection={connection}
      role="status"
      title={look.detail}
      className="flex w-72 items-center justify-end gap-2 text-sm"
    >
      <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${look.dot}`} />
      <span className="font-medium">{look.label}</span>
      <span className="sr-only">: {look.detail}</span>
      {connection !== "live" && connection !== "connecting" && (
        <span aria-hidden="true" className="truncate text-xs text-slate-600 dark:text-slate-400">
          ({look.detail})
        </span>
      )}
    </div>
  );
}
