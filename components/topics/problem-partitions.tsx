"use client";
// Every partition in trouble, across all topics, worst first: what an operator
// reads first when a broker is down, before looking topic by topic.
import { useState } from "react";
import type { PartitionCounts } from "@/lib/model/topics";
import { usePartitionPage } from "@/lib/swr/use-topics";
import { Card, CardTitle } from "@/components/ui/card";
import { formatInt } from "@/components/ui/format";
import { Pager } from "./pager";
import { PartitionTable } from "./partition-table";

const PER_PAGE = 25;

export function ProblemPartitions({ counts }: { counts: PartitionCounts }) {
  const [offset, setOffset] = useState(0);
  const { data } = usePartitionPage({ state: "problems", offset, limit: PER_PAGE });
  if (!data || data.total === 0) return null;
  return (
    <Card data-testid="problem-partitions" aria-labelledby="problems-title">
      <CardTitle
        id="problems-title"
        aside={`${formatInt(counts.offline)} offline · ${formatInt(counts.underMinIsr)} under min ISR · ${formatInt(counts.underReplicated)} under-replicated`}
      >
        Partitions in trouble, across all topics
      </CardTitle>
      <PartitionTable rows={data.partitions} caption="Partitions in trouble, worst first" showTopic />
      <div className="mt-2">
        <Pager label="partitions in trouble" total={data.total} offset={data.offset} limit={data.limit} onOffset={setOffset} testId="problem-pager" />
      </div>
    </Card>
  );
}
