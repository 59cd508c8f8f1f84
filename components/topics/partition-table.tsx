"use client";
import { useState } from "react";
import type { PartitionState } from "@/lib/model/cluster";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { rankPartitions, type PartitionStatus } from "./partition-order";

const PAGE = 50;

const ROW_LOOK: Record<PartitionStatus, string> = {
  offline: "bg-red-100 dark:bg-red-950",
  "under-min-isr": "bg-red-50 dark:bg-red-950/60",
  "under-replicated": "bg-amber-100 dark:bg-amber-950",
  ok: "",
};

const FLAG: Record<Exclude<PartitionStatus, "ok">, { tone: "red" | "amber"; text: string }> = {
  offline: { tone: "red", text: "offline: no leader" },
  "under-min-isr": { tone: "red", text: "under min ISR" },
  "under-replicated": { tone: "amber", text: "under-replicated" },
};

const ids = (xs: number[]) => (xs.length ? xs.join(", ") : "none");

export function PartitionTable({ topic, partitions, minIsr }: { topic: string; partitions: PartitionState[]; minIsr: number }) {
  const [limit, setLimit] = useState(PAGE);
  const ranked = rankPartitions(partitions, minIsr);
  const shown = ranked.slice(0, limit);
  return (
    <div>
      <table data-testid={`partitions-${topic}`} className="w-full table-fixed text-sm">
        <caption className="sr-only">Partitions of {topic}, problems first</caption>
        <thead className="text-xs text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className="w-20 py-1 text-left font-medium">Partition</th>
            <th scope="col" className="w-20 text-left font-medium">Leader</th>
            <th scope="col" className="text-left font-medium">Replicas</th>
            <th scope="col" className="text-left font-medium">ISR</th>
            <th scope="col" className="w-44 text-left font-medium">Status</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => (
            <tr
              key={p.partition}
              data-testid={`partition-row-${topic}-${p.partition}`}
              data-status={p.status}
              data-under-replicated={p.isr.length < p.replicas.length ? "true" : "false"}
              className={`border-t border-slate-200 tabular-nums dark:border-slate-700 ${ROW_LOOK[p.status]}`}
            >
              <th scope="row" className="py-1 text-left font-medium">{p.partition}</th>
              <td>{p.leader < 0 ? "—" : p.leader}</td>
              <td className="truncate">{ids(p.replicas)}</td>
              <td className="truncate">{ids(p.isr)}</td>
              <td>{p.status === "ok" ? <span className="text-xs text-slate-600 dark:text-slate-400">in sync</span> : <Badge tone={FLAG[p.status].tone}>{FLAG[p.status].text}</Badge>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {ranked.length > limit && (
        <Button size="sm" className="mt-2" onClick={() => setLimit((n) => n + PAGE * 4)}>
          Show more ({ranked.length - limit} not shown)
        </Button>
      )}
    </div>
  );
}
