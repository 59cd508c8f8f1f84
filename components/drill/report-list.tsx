"use client";
// Past drills, newest first: choosing one shows its report on the Drill page;
// each row has its print view and Markdown file; ticking two opens them side by
// side (the older as A, so B − A reads as "what changed since").
import Link from "next/link";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { formatInt } from "@/components/ui/format";
import type { DrillReportSummary } from "@/lib/drill/progress";
import { compareUrl } from "@/lib/drill/report-id";
import { ReportExportLinks } from "./report-export-links";

interface Props {
  reports: DrillReportSummary[];
  selected: string | null;
  onSelect: (id: string) => void;
}

const when = (r: DrillReportSummary) => new Date(r.startedAt).toLocaleString();
const th = "py-1 pr-3 font-medium";

function CompareBar({ ticked, hintId }: { ticked: string[]; hintId: string }) {
  const [a, b] = [...ticked].sort();
  return (
    <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
      {a && b ? (
        <Link href={compareUrl(a, b)} data-testid="compare-link" className="rounded-md border border-sky-700 bg-sky-700 px-3.5 py-1.5 font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
          Compare the two ticked
        </Link>
      ) : (
        <Button variant="neutral" disabledReason="tick two reports in the Compare column first">
          Compare the two ticked
        </Button>
      )}
      <span id={hintId} className="text-slate-600 dark:text-slate-400">
        {ticked.length === 2 ? "Two ticked: untick one to pick another." : `Tick two reports to compare them side by side (${ticked.length} of 2).`}
      </span>
    </div>
  );
}

export function ReportList({ reports, selected, onSelect }: Props) {
  const hintId = useId();
  const [picked, setPicked] = useState<string[]>([]);
  // A report gone from the list (deleted, beyond the newest 50) no longer counts as ticked.
  const ticked = picked.filter((id) => reports.some((r) => r.id === id));
  const toggle = (id: string) => setPicked(ticked.includes(id) ? ticked.filter((x) => x !== id) : [...ticked, id].slice(-2));
  return (
    <Card aria-labelledby="drill-reports-title">
      <CardTitle id="drill-reports-title" aside={`${reports.length} shown`}>
        Past drills
      </CardTitle>
      {reports.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No drill has run yet. Configure one above and run it.</p>
      ) : (
        <>
          <CompareBar ticked={ticked} hintId={hintId} />
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-slate-600 dark:text-slate-400">
                <tr>
                  <th className={th}>Compare</th>
                  <th className={th}>When</th>
                  <th className={th}>What</th>
                  <th className={th}>Result</th>
                  <th className={th}>Traffic</th>
                  <th className={th}>Target</th>
                  <th className={th}>Lost</th>
                  <th className={th}>Recovery</th>
                  <th className={th}>Degradation</th>
                  <th className={th}>Keep</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => {
                  const on = ticked.includes(r.id);
                  return (
                    <tr key={r.id} data-testid={`report-row-${r.id}`} className={`border-t border-slate-100 dark:border-slate-800 ${r.id === selected ? "bg-sky-50 dark:bg-sky-950" : ""}`}>
                      <td className="py-1 pr-3">
                        <input
                          type="checkbox"
                          className="h-4 w-4 accent-sky-700"
                          checked={on}
                          disabled={!on && ticked.length >= 2}
                          onChange={() => toggle(r.id)}
                          aria-label={`Compare the report of ${when(r)}`}
                          aria-describedby={hintId}
                        />
                      </td>
                      <td className="py-1 pr-3">
                        <button type="button" title={r.id} className="text-sky-700 underline decoration-dotted hover:decoration-solid dark:text-sky-400" aria-current={r.id === selected || undefined} onClick={() => onSelect(r.id)}>
                          {when(r)}
                        </button>
                      </td>
                      <td className="py-1 pr-3" title={r.headline}>
                        {r.scenario}
                      </td>
                      <td className="py-1 pr-3">
                        <Badge tone={r.cancelled ? "slate" : r.passed ? "green" : "red"}>{r.cancelled ? "cancelled" : r.passed ? "passed" : "failed"}</Badge>
                      </td>
                      <td className="py-1 pr-3 font-mono">{r.params && r.kind === "drill" ? `${formatInt(r.params.rate)}/s × ${r.params.durationSec} s` : "—"}</td>
                      <td className="py-1 pr-3">{r.targetBrokerId === null || !r.params ? "—" : `${r.params.mode} ${r.targetBrokerId}`}</td>
                      <td className="py-1 pr-3 font-mono">{r.lost === null ? "?" : formatInt(r.lost)}</td>
                      <td className="py-1 pr-3 font-mono">{r.recoveryMs === null ? "—" : `${(r.recoveryMs / 1000).toFixed(1)} s`}</td>
                      <td className="py-1 pr-3 font-mono">{r.degradationPct === null ? "—" : `${r.degradationPct.toFixed(0)} %`}</td>
                      <td className="py-1 pr-3">
                        <ReportExportLinks id={r.id} label={`the report of ${when(r)}`} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Card>
  );
}
