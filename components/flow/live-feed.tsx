"use client";
// The StreamSocial feed as a user would see it: posts, likes, comments and
// alerts, newest first, as the handlers apply them. This list is the lesson's
// "UI updated" stage: the hook times each item from its event's creation to
// its paint here and reports it back.
import { Badge, type Tone } from "@/components/ui/badge";
import { useFlowFeed } from "@/lib/swr/use-flow-feed";
import type { FeedItem } from "@/lib/model/flow";
import { fmtCount, fmtLatency } from "./flow-format";

const KIND_TONE: Record<FeedItem["kind"], Tone> = { post: "blue", like: "violet", comment: "green", share: "amber", alert: "red" };
const CONNECTION = { connecting: "connecting…", live: "live", down: "disconnected: retrying" } as const;

export function LiveFeed() {
  const { items, connection, measured } = useFlowFeed();
  return (
    <div data-testid="live-feed" data-connection={connection}>
      <p className="mb-2 text-xs text-slate-600 dark:text-slate-400" data-testid="live-feed-measured" data-count={measured.count} data-reported={measured.reported}>
        Stream {CONNECTION[connection]} · {fmtCount(measured.count)} updates timed here (created → on screen), last {fmtLatency(measured.lastMs)}, {fmtCount(measured.reported)} reported
        {measured.skewMs !== 0 ? ` · this browser's clock differs from the server's by ${fmtLatency(Math.abs(measured.skewMs))}, corrected` : ""}
      </p>
      {items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No events yet: start traffic and the feed fills as the handlers apply them.
        </p>
      ) : (
        <ul aria-live="off" aria-label="Latest StreamSocial events" className="flex max-h-80 flex-col gap-1 overflow-hidden">
          {items.map((i) => (
            <li key={i.key} data-testid="feed-item" data-created-at={i.createdAt} data-live={i.live} className="flex items-baseline gap-2 text-sm">
              <Badge tone={KIND_TONE[i.kind]} className="w-16 shrink-0">
                {i.kind}
              </Badge>
              <span className="truncate">
                <span className="font-medium">{i.userId}</span> {i.text}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
