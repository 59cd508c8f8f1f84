"use client";
import { useMemo, useState } from "react";
import type { TopicsResponse } from "@/lib/swr/use-topics";
import { Button } from "@/components/ui/button";
import { groupPartitions, lagByTopic, rankTopics } from "./partition-order";
import { TopicSection } from "./topic-section";

const PAGE = 100;

export function TopicList({ data }: { data: TopicsResponse }) {
  const [filter, setFilter] = useState("");
  const [limit, setLimit] = useState(PAGE);
  const { ranked, byTopic, lag } = useMemo(
    () => ({ ranked: rankTopics(data.topics), byTopic: groupPartitions(data.partitions), lag: lagByTopic(data.groups) }),
    [data],
  );
  const needle = filter.trim().toLowerCase();
  const matching = needle ? ranked.filter((t) => t.name.toLowerCase().includes(needle)) : ranked;
  return (
    <section aria-label="Topics" className="flex flex-col gap-2">
      <div className="flex items-center gap-3">
        <label className="flex items-center gap-2 text-sm font-medium">
          Filter topics
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            className="w-64 rounded-md border border-slate-400 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950"
          />
        </label>
        <span className="text-xs text-slate-700 dark:text-slate-300 tabular-nums">
          {matching.length} of {ranked.length} topics · problems first
        </span>
      </div>
      {matching.length === 0 && (
        <p data-testid="topics-empty" className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
          {ranked.length === 0 ? "This cluster has no topics." : "No topic matches the filter."}
        </p>
      )}
      {matching.slice(0, limit).map((t) => (
        <TopicSection key={t.name} topic={t} partitions={byTopic.get(t.name) ?? []} lag={lag.get(t.name)} />
      ))}
      {matching.length > limit && (
        <Button size="sm" onClick={() => setLimit((n) => n + PAGE)}>
          Show more topics ({matching.length - limit} not shown)
        </Button>
      )}
    </section>
  );
}
