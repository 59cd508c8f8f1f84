"use client";
// One topic, collapsed to a summary line unless it has trouble; its partition
// table is only rendered when open (a topic can have thousands).
import { useEffect, useState } from "react";
import type { PartitionState, TopicSummary } from "@/lib/model/cluster";
import { Badge } from "@/components/ui/badge";
import { formatInt, formatRate } from "@/components/ui/format";
import { PartitionTable } from "./partition-table";
import { topicTrouble } from "./partition-order";

export interface TopicSectionProps {
  topic: TopicSummary;
  partitions: PartitionState[];
  lag: number | undefined;
}

export function TopicSection({ topic: t, partitions, lag }: TopicSectionProps) {
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
        <span className="w-28 text-xs tabular-nums">lag {lag === undefined ? "—" : formatInt(lag)}</span>
        <span className="flex gap-1">
          {t.offline > 0 && <Badge tone="red">{formatInt(t.offline)} offline</Badge>}
          {t.underMinIsr > 0 && <Badge tone="red">{formatInt(t.underMinIsr)} under min ISR</Badge>}
          {t.underReplicated > 0 && <Badge tone="amber">{formatInt(t.underReplicated)} under-replicated</Badge>}
          {!trouble && <Badge tone="green">all in sync</Badge>}
        </span>
      </summary>
      {open && (
        <div className="border-t border-slate-200 px-4 py-2 dark:border-slate-700">
          <PartitionTable topic={t.name} partitions={partitions} minIsr={t.minIsr} />
        </div>
      )}
    </details>
  );
}
