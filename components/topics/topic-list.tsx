"use client";
import type { StateFilter, TopicPage } from "@/lib/model/topics";
import { formatInt } from "@/components/ui/format";
import { Pager } from "./pager";
import { TopicSection } from "./topic-section";

export function TopicList({ page, state, filtered, onOffset }: { page: TopicPage; state: StateFilter; filtered: boolean; onOffset(offset: number): void }) {
  return (
    <section aria-label="Topics" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span data-testid="topics-count" className="text-xs tabular-nums text-slate-700 dark:text-slate-300">
          {formatInt(page.total)} of {formatInt(page.counts.topics)} topics · {formatInt(page.counts.partitions)} partitions · problems first
        </span>
        <Pager label="topics" total={page.total} offset={page.offset} limit={page.limit} onOffset={onOffset} testId="topics-pager" />
      </div>
      {page.topics.length === 0 && (
        <p data-testid="topics-empty" className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
          {page.counts.topics === 0 ? "This cluster has no topics." : filtered ? "No topic matches the filter." : "No topics on this page."}
        </p>
      )}
      {page.topics.map((t) => (
        <TopicSection key={t.name} topic={t} state={state} />
      ))}
      <Pager label="topics" total={page.total} offset={page.offset} limit={page.limit} onOffset={onOffset} />
    </section>
  );
}
