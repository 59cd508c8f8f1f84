// Each of the lesson's targets beside what this run measured, met or missed.
import { Badge } from "@/components/ui/badge";
import type { TargetRow } from "@/lib/model/flow";
import { measured, VERDICT_TONE, VERDICT_WORD } from "./flow-format";

export function TargetTable({ targets, running, windowSec }: { targets: TargetRow[]; running: boolean; windowSec: number }) {
  return (
    <table className="w-full text-left text-sm" data-testid="flow-targets">
      <caption className="mb-2 text-left text-xs text-slate-600 dark:text-slate-400">
        {running ? `Over the last ${windowSec} s` : "Over the whole run"}; latencies judged on their p99.
      </caption>
      <thead className="text-xs text-slate-600 dark:text-slate-400">
        <tr>
          <th className="py-1 font-medium">Lesson target</th>
          <th className="py-1 font-medium">Target</th>
          <th className="py-1 font-medium">Measured</th>
          <th className="py-1 font-medium">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((t) => (
          <tr key={t.id} className="border-t border-slate-100 dark:border-slate-800" data-testid={`target-${t.id}`} data-verdict={t.verdict}>
            <td className="py-1">{t.label}</td>
            <td className="py-1 font-mono text-xs">{t.target}</td>
            <td className="py-1 font-mono text-xs">{measured(t)}</td>
            <td className="py-1">
              <Badge tone={VERDICT_TONE[t.verdict]}>{VERDICT_WORD[t.verdict]}</Badge>
              {t.note && <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">{t.note}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
