"use client";
// One topic, collapsed to a summary line unless it has trouble; its partitions
// are fetched, a page at a time, only while it is open.
import { useEffect, useState } from "react";
import type { TopicSummary } from "@/lib/model/cluster";
import type { StateFilter } from "@/lib/model/topics";
import { topicTrouble } from "@/lib/monitor/topic-trouble";
import { Badge } from "@/components/ui/badge";
import { formatInt, formatRate } from "@/components/ui/format";
import { TopicPartitions } from "./topic-partitions";

export interface TopicSectionProps {
  topic: TopicSummary & { lag: number | null };
  state: StateFilter;
}

export function TopicSection({ topic: t, state }: TopicSectionProps) {
  const trouble = topicTrouble(t) > 0;
  const [open, setOpen] = useState(trouble);
  useEffect(() => {
    if (trouble) setOpen(true);
  }, [trouble]);
  return (
    <details
      data-testid={`topic-${t.name}`}
      data-trouble={trouble ? "true" : "false"}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className="rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
    >
      <summary className="flex cursor-pointer flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2.5 focus-visible:outline-2 focus-visible:outline-sky-600">
        <span className="min-w-48 font-semibold">{t.name}</span>
        <span className="w-28 text-xs tabular-nums text-slate-700 dark:text-slate-300">{formatInt(t.partitions)} partitions</span>
        <span className="w-24 text-xs tabular-nums text-slate-700 dark:text-slate-300">RF {t.replicationFactor} · min ISR {t.minIsr}</span>
        <span className="w-28 text-xs tabular-nums" data-testid={`topic-rate-${t.name}`}>{formatRate(t.messagesInPerSec)} msg/s in</span>
        <span className="w-28 text-xs tabular-nums">lag {t.lag === null ? "—" : formatInt(t.lag)}</span>
        <span className="flex gap-1">
          {t.offline > 0 && <Badge tone="red">{formatInt(t.offline)} offline</Badge>}
          {t.underMinIsr > 0 && <Badge tone="red">{formatInt(t.underMinIsr)} under min ISR</Badge>}
          {t.underReplicated > 0 && <Badge tone="amber">{formatInt(t.underReplicated)} under-replicated</Badge>}
          {!trouble && <Badge tone="green">all in sync</Badge>}
        </span>
      </summary>
      {open && (
        <div className="border-t border-slate-200 px-4 py-2 dark:border-slate-700">
          <TopicPartitions topic={t.name} state={state} />
        </div>
      )}
    </details>
  );
}
