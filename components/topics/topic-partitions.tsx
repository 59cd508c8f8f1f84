"use client";
// One topic's partitions, a page at a time, fetched only while its section is open.
import { useState } from "react";
import type { StateFilter } from "@/lib/model/topics";
import { usePartitionPage } from "@/lib/swr/use-topics";
import { Skeleton } from "@/components/ui/skeleton";
import { Pager } from "./pager";
import { PartitionTable } from "./partition-table";

export const PARTITIONS_PER_PAGE = 50;

export function TopicPartitions({ topic, state }: { topic: string; state: StateFilter }) {
  const [offset, setOffset] = useState(0);
  const { data, lastKnown, error } = usePartitionPage({ topic, state, offset, limit: PARTITIONS_PER_PAGE });
  const shown = data && (data.reachable || !lastKnown) ? data : lastKnown;
  if (!shown) return error ? <p role="alert" className="text-sm text-red-800 dark:text-red-300">Partitions unavailable: {error.message}</p> : <Skeleton className="h-24" />;
  return (
    <div className="flex flex-col gap-2">
      <PartitionTable rows={shown.partitions} caption={`Partitions of ${topic}, problems first`} testId={`partitions-${topic}`} />
      {shown.total === 0 && <p className="text-xs text-slate-700 dark:text-slate-300">No partition of {topic} in this state.</p>}
      <Pager label="partitions" total={shown.total} offset={shown.offset} limit={shown.limit} onOffset={setOffset} testId={`partitions-pager-${topic}`} />
    </div>
  );
}
