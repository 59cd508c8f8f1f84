"use client";
// Past drills, newest first; choosing one shows its report.
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { formatInt } from "@/components/ui/format";
import type { DrillReportSummary } from "@/lib/drill/progress";

interface Props {
  reports: DrillReportSummary[];
  selected: string | null;
  onSelect: (id: string) => void;
}

export function ReportList({ reports, selected, onSelect }: Props) {
  return (
    <Card aria-labelledby="drill-reports-title">
      <CardTitle id="drill-reports-title" aside={`${reports.length} shown`}>
        Past drills
      </CardTitle>
      {reports.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No drill has run yet. Configure one above and run it.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-600 dark:text-slate-400">
              <tr>
                <th className="py-1 pr-3 font-medium">When</th>
                <th className="py-1 pr-3 font-medium">Result</th>
                <th className="py-1 pr-3 font-medium">Traffic</th>
                <th className="py-1 pr-3 font-medium">Target</th>
                <th className="py-1 pr-3 font-medium">Lost</th>
                <th className="py-1 pr-3 font-medium">Recovery</th>
                <th className="py-1 pr-3 font-medium">Degradation</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id} className={`border-t border-slate-100 dark:border-slate-800 ${r.id === selected ? "bg-sky-50 dark:bg-sky-950" : ""}`}>
                  <td className="py-1 pr-3">
                    <button type="button" className="text-sky-700 underline decoration-dotted hover:decoration-solid dark:text-sky-400" aria-current={r.id === selected || undefined} onClick={() => onSelect(r.id)}>
                      {new Date(r.startedAt).toLocaleString()}
                    </button>
                  </td>
                  <td className="py-1 pr-3">
                    <Badge tone={r.cancelled ? "slate" : r.passed ? "green" : "red"}>{r.cancelled ? "cancelled" : r.passed ? "passed" : "failed"}</Badge>
                  </td>
                  <td className="py-1 pr-3 font-mono">{r.params ? `${formatInt(r.params.rate)}/s × ${r.params.durationSec} s` : r.scenario}</td>
                  <td className="py-1 pr-3">{r.targetBrokerId === null || !r.params ? "—" : `${r.params.mode} ${r.targetBrokerId}`}</td>
                  <td className="py-1 pr-3 font-mono">{r.lost === null ? "?" : formatInt(r.lost)}</td>
                  <td className="py-1 pr-3 font-mono">{r.recoveryMs === null ? "—" : `${(r.recoveryMs / 1000).toFixed(1)} s`}</td>
                  <td className="py-1 pr-3 font-mono">{r.degradationPct === null ? "—" : `${r.degradationPct.toFixed(0)} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
