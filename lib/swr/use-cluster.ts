"use client";
// The live cluster snapshot over SSE (SWR subscription; one EventSource however
// many components ask), with polling as the fallback. Also feeds the timeline
// and history caches, so the whole page moves on one stream.
import useSWRSubscription, { type SWRSubscriptionOptions } from "swr/subscription";
import { INITIAL_LIVE, openClusterStream, STREAM_URL, type LiveCluster } from "./cluster-stream";
import { appendHistoryPoint, resyncHistory } from "./use-history";
import { appendTimelineEntry, resyncTimeline } from "./use-timeline";

export type { Connection, LiveCluster } from "./cluster-stream";

function subscribe(_key: string, { next }: SWRSubscriptionOptions<LiveCluster, Error>) {
  return openClusterStream({
    onState: (state) => next(null, state),
    onSnapshot: appendHistoryPoint,
    onTimeline: appendTimelineEntry,
    onResync: () => {
      resyncTimeline();
      resyncHistory();
    },
  });
}

export interface ClusterView extends LiveCluster {
  /** Kafka does not answer now: the figures worth showing are lastGood's. */
  clusterDown: boolean;
  /** The dashboard server does not answer: everything shown is as of receivedAt. */
  serverDown: boolean;
}

export function useCluster(): ClusterView {
  const { data } = useSWRSubscription<LiveCluster, Error, string>(STREAM_URL, subscribe);
  const live = data ?? INITIAL_LIVE;
  return {
    ...live,
    clusterDown: live.snapshot !== null && !live.snapshot.reachable,
    serverDown: live.connection === "offline",
  };
}
