"use client";
import { useCluster } from "@/lib/swr/use-cluster";
import { useTopics } from "@/lib/swr/use-topics";
import { StaleNotice, StaleZone } from "@/components/status/stale-notice";
import { HealthBanner } from "@/components/overview/health-banner";
import { ConsumerGroups } from "@/components/topics/consumer-groups";
import { TopicList } from "@/components/topics/topic-list";
import { TopicsSkeleton } from "@/components/topics/topics-skeleton";

export function TopicsClient() {
  const { snapshot, clusterDown, serverDown } = useCluster();
  const { data, lastKnown, error } = useTopics();
  // Kafka silent: its last partition table; topics endpoint silent: whatever it said last.
  const shown = clusterDown || (data && data.partitions.length === 0) ? (lastKnown ?? data) : data;
  const fetchFailed = error !== undefined;
  const stale = serverDown || fetchFailed || (clusterDown && shown === lastKnown && lastKnown !== undefined);

  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 p-4">
      <h1 className="text-xl font-semibold">Topics</h1>
      {snapshot && <HealthBanner snapshot={snapshot} serverDown={serverDown} />}
      {shown === undefined ? (
        <TopicsSkeleton message={error ? `Topics unavailable: ${error.message}. Retrying…` : undefined} />
      ) : (
        <>
          {stale && (
            <StaleNotice
              why={serverDown || fetchFailed ? `The dashboard server is not answering${error ? ` (${error.message})` : ""}.` : "Kafka is not answering: these partitions are as it last reported them."}
              seenAt={shown.at}
            />
          )}
          <StaleZone stale={stale} className="flex flex-col gap-4">
            <TopicList data={shown} />
            <ConsumerGroups groups={shown.groups} />
          </StaleZone>
        </>
      )}
    </main>
  );
}
