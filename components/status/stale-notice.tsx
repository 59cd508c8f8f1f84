"use client";
// Says plainly that what is shown is old, and how old.
import { formatAgo, formatClock } from "@/components/ui/format";
import { useNow } from "@/components/ui/use-now";

export function StaleNotice({ why, seenAt }: { why: string; seenAt: number | null }) {
  const now = useNow();
  return (
    <div
      data-testid="stale-notice"
      role="status"
      className="rounded-md border border-dashed border-slate-400 bg-slate-100 px-3 py-2 text-sm text-slate-800 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-200"
    >
      <strong className="font-semibold">Last known state.</strong> {why}
      {seenAt !== null ? (
        <>
          {" "}
          Seen at <time dateTime={new Date(seenAt).toISOString()} className="tabular-nums">{formatClock(seenAt)}</time>{" "}
          <span className="tabular-nums">({formatAgo(seenAt, now)})</span>.
        </>
      ) : (
        " Nothing has been seen yet."
      )}
    </div>
  );
}

/** Greys what it wraps when stale; data-stale lets tests (and people) tell. */
export function StaleZone({ stale, children, className = "" }: { stale: boolean; children: React.ReactNode; className?: string }) {
  return (
    <div data-stale={stale ? "true" : "false"} className={`${stale ? "opacity-60 grayscale" : ""} ${className}`}>
      {children}
    </div>
  );
}
