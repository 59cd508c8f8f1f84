"use client";
import { useDeferredValue, useState } from "react";
import type { StateFilter } from "@/lib/model/topics";
import { useCluster } from "@/lib/swr/use-cluster";
import { useTopicPage } from "@/lib/swr/use-topics";
import { StaleNotice, StaleZone } from "@/components/status/stale-notice";
import { HealthBanner } from "@/components/overview/health-banner";
import { ConsumerGroups } from "@/components/topics/consumer-groups";
import { ProblemPartitions } from "@/components/topics/problem-partitions";
import { TopicFilters } from "@/components/topics/topic-filters";
import { TopicList } from "@/components/topics/topic-list";
import { TopicsSkeleton } from "@/components/topics/topics-skeleton";

const TOPICS_PER_PAGE = 50;

export function TopicsClient() {
  const { snapshot, clusterDown, serverDown } = useCluster();
  const [q, setQ] = useState("");
  const [state, setState] = useState<StateFilter>("all");
  const [offset, setOffset] = useState(0);
  // Typing stays responsive; the query follows the deferred value.
  const query = useDeferredValue(q);
  const { data, lastKnown, error } = useTopicPage({ q: query, state, offset, limit: TOPICS_PER_PAGE });
  // Kafka silent: its last topic list; topics endpoint silent: whatever it said last.
  const shown = clusterDown || (data && !data.reachable) ? (lastKnown ?? data) : data;
  const fetchFailed = error !== undefined;
  const stale = serverDown || fetchFailed || (clusterDown && shown === lastKnown && lastKnown !== undefined);

  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 p-4">
      <h1 className="text-xl font-semibold">Topics</h1>
      {snapshot && <HealthBanner snapshot={snapshot} serverDown={serverDown} />}
      <TopicFilters
        q={q}
        state={state}
        onQ={(v) => {
          setQ(v);
          setOffset(0);
        }}
        onState={(s) => {
          setState(s);
          setOffset(0);
        }}
      />
      {shown === undefined ? (
        <TopicsSkeleton message={error ? `Topics unavailable: ${error.message}. Retrying…` : undefined} />
      ) : (
        <>
          {stale && (
            <StaleNotice
              why={serverDown || fetchFailed ? `The dashboard server is not answering${error ? ` (${error.message})` : ""}.` : "Kafka is not answering: these topics are as it last reported them."}
              seenAt={shown.at}
            />
          )}
          <StaleZone stale={stale} className="flex flex-col gap-4">
            <ProblemPartitions counts={shown.counts} />
            <TopicList page={shown} state={state} filtered={query.trim() !== "" || state !== "all"} onOffset={setOffset} />
            <ConsumerGroups groups={shown.groups} />
          </StaleZone>
        </>
      )}
    </main>
  );
}
