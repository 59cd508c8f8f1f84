"use client";
import dynamic from "next/dynamic";
import { useDeferredValue } from "react";
import { useCluster } from "@/lib/swr/use-cluster";
import { HISTORY_MINUTES, useHistory } from "@/lib/swr/use-history";
import { useTimeline } from "@/lib/swr/use-timeline";
import { StaleNotice, StaleZone } from "@/components/status/stale-notice";
import { BrokerGrid } from "@/components/overview/broker-grid";
import { CanaryStrip } from "@/components/overview/canary-strip";
import { FiguresStrip } from "@/components/overview/figures-strip";
import { HealthBanner } from "@/components/overview/health-banner";
import { KafkaViewNotice, kafkaViewDiffers } from "@/components/overview/kafka-view-notice";
import { OverviewSkeleton } from "@/components/overview/overview-skeleton";
import { QuorumPanel } from "@/components/overview/quorum-panel";
import { ReadOnlyNotice } from "@/components/overview/read-only-notice";
import { TimelineList } from "@/components/overview/timeline-list";
import { Skeleton } from "@/components/ui/skeleton";

// Below the cards on a laptop screen, and the heaviest part of the page: loaded after it.
const OverviewCharts = dynamic(() => import("@/components/overview/overview-charts").then((m) => m.OverviewCharts), {
  ssr: false,
  loading: () => <Skeleton className="h-[780px]" />,
});

export function OverviewClient() {
  const { snapshot, lastGood, clusterDown, serverDown, connection } = useCluster();
  const history = useHistory();
  const timeline = useTimeline();
  // The charts draw a thousand points: they follow in a background render, so a
  // broker's new state reaches its card without waiting for them.
  const chartPoints = useDeferredValue(history.points);
  const chartTimeline = useDeferredValue(timeline.entries);

  if (!snapshot) {
    const message =
      connection === "offline"
        ? "The dashboard server is not answering; retrying every 2 s…"
        : connection === "locked"
          ? "This dashboard needs its token before it shows the cluster."
          : "Loading the cluster…";
    return (
      <main className="mx-auto max-w-7xl p-4">
        <h1 className="sr-only">Cluster overview</h1>
        <OverviewSkeleton message={message} />
      </main>
    );
  }

  // Kafka silent: figures and quorum as last seen answering; the server silent: all of it as last seen.
  const known = clusterDown ? (lastGood ?? snapshot) : snapshot;
  const figuresStale = serverDown || (clusterDown && lastGood !== null);
  const why = serverDown
    ? "The dashboard server is not answering; everything below is as it was."
    : "Kafka is not answering: figures, roles and the quorum below are as Kafka last reported them.";

  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 p-4">
      <h1 className="sr-only">Cluster overview</h1>
      <HealthBanner snapshot={snapshot} serverDown={serverDown} />
      {kafkaViewDiffers(snapshot) && (
        <StaleZone stale={serverDown}>
          <KafkaViewNotice snapshot={snapshot} />
        </StaleZone>
      )}
      {(serverDown || clusterDown) && <StaleNotice why={why} seenAt={serverDown ? snapshot.at : (lastGood?.at ?? null)} />}
      {!snapshot.runtime.available && <ReadOnlyNotice runtime={snapshot.runtime} />}
      <StaleZone stale={figuresStale}>
        <FiguresStrip snapshot={known} />
      </StaleZone>
      {/* The canary is measured every poll, Kafka answering or not: the live snapshot's, never lastGood's. */}
      <StaleZone stale={serverDown}>
        <CanaryStrip canary={snapshot.canary} />
      </StaleZone>
      <StaleZone stale={serverDown}>
        <BrokerGrid
          brokers={snapshot.brokers}
          lastKnown={clusterDown && lastGood ? lastGood.brokers : null}
          runtime={snapshot.runtime}
          serverDown={serverDown}
        />
      </StaleZone>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <StaleZone stale={serverDown}>
          {history.error && history.points.length === 0 ? (
            <p role="alert" className="rounded-md border border-red-300 p-4 text-sm text-red-800">History unavailable: {history.error.message}</p>
          ) : (
            <OverviewCharts points={chartPoints} timeline={chartTimeline} minutes={HISTORY_MINUTES} />
          )}
        </StaleZone>
        <div className="flex min-w-0 flex-col gap-4">
          {/* Voters are asked directly every poll, so the live verdict holds even while brokers do not answer. */}
          <StaleZone stale={serverDown}>
            <QuorumPanel verdict={snapshot.quorumVerdict} quorum={snapshot.quorum} at={snapshot.at} />
          </StaleZone>
          <StaleZone stale={serverDown}>
            <TimelineList entries={timeline.entries} error={timeline.error} />
          </StaleZone>
        </div>
      </div>
    </main>
  );
}
