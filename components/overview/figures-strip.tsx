import type { ClusterSnapshot } from "@/lib/model/cluster";
import { formatInt, formatRate } from "@/components/ui/format";

function Figure({ label, value, alert, testId }: { label: string; value: string; alert?: boolean; testId: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900">
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd data-testid={testId} className={`text-xl font-semibold tabular-nums ${alert ? "text-red-700 dark:text-red-400" : ""}`}>
        {value}
      </dd>
    </div>
  );
}

export function FiguresStrip({ snapshot }: { snapshot: ClusterSnapshot }) {
  const f = snapshot.figures;
  return (
    <dl aria-label="Cluster figures" className="grid grid-cols-3 gap-2 sm:grid-cols-7">
      <Figure testId="figure-brokers" label="Brokers" value={formatInt(f.brokers)} />
      <Figure testId="figure-topics" label="Topics" value={formatInt(f.topics)} />
      <Figure testId="figure-partitions" label="Partitions" value={formatInt(f.partitions)} />
      <Figure testId="figure-urp" label="Under-replicated" value={formatInt(f.underReplicated)} alert={f.underReplicated > 0} />
      <Figure testId="figure-min-isr" label="Under min ISR" value={formatInt(f.underMinIsr)} alert={f.underMinIsr > 0} />
      <Figure testId="figure-offline" label="Offline" value={formatInt(f.offline)} alert={f.offline > 0} />
      <Figure testId="figure-msgs" label="Messages/s in" value={formatRate(f.messagesInPerSec)} />
    </dl>
  );
}
