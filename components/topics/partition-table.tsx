"use client";
// Rows of partitions as the API pages them (worst first). The ISR column is the
// effective one (without brokers known down); where Kafka's metadata still says
// more, the next column says what Kafka says, until it fences the broker.
import type { PartitionRow, PartitionStatus } from "@/lib/model/topics";
import { Badge } from "@/components/ui/badge";

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

const ids = (xs: readonly number[]) => (xs.length ? xs.join(", ") : "none");

export function PartitionTable({ rows, caption, showTopic = false, testId }: { rows: readonly PartitionRow[]; caption: string; showTopic?: boolean; testId?: string }) {
  return (
    <table data-testid={testId} className="w-full table-fixed text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-xs text-slate-600 dark:text-slate-400">
        <tr>
          <th scope="col" className={`${showTopic ? "w-64" : "w-20"} py-1 text-left font-medium`}>Partition</th>
          <th scope="col" className="w-16 text-left font-medium">Leader</th>
          <th scope="col" className="text-left font-medium">Replicas</th>
          <th scope="col" className="text-left font-medium">ISR</th>
          <th scope="col" className="text-left font-medium">Kafka&apos;s ISR</th>
          <th scope="col" className="w-40 text-left font-medium">Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => {
          const same = p.isr.length === p.effectiveIsr.length;
          return (
            <tr
              key={`${p.topic}/${p.partition}`}
              data-testid={`partition-row-${p.topic}-${p.partition}`}
              data-status={p.status}
              data-under-replicated={p.effectiveIsr.length < p.replicas.length ? "true" : "false"}
              className={`border-t border-slate-200 tabular-nums dark:border-slate-700 ${ROW_LOOK[p.status]}`}
            >
              <th scope="row" className="truncate py-1 text-left font-medium">{showTopic ? `${p.topic} / ${p.partition}` : p.partition}</th>
              <td>{p.leader < 0 ? "—" : p.leader}</td>
              <td className="truncate">{ids(p.replicas)}</td>
              <td className="truncate">{ids(p.effectiveIsr)}</td>
              <td className="truncate text-xs" title={same ? undefined : "Kafka lists a broker known down until the controller fences it"}>
                {same ? <span className="text-slate-600 dark:text-slate-400">same</span> : `${ids(p.isr)} (not yet fenced)`}
              </td>
              <td>{p.status === "ok" ? <span className="text-xs text-slate-600 dark:text-slate-400">in sync</span> : <Badge tone={FLAG[p.status].tone}>{FLAG[p.status].text}</Badge>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
