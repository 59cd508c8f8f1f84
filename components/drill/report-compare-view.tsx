"use client";
// Two reports side by side: who they are, what they do not share, then their
// parameters, criteria and key figures in two columns with the difference, and
// their throughput on one time axis.
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import type { AnyReport } from "@/lib/drill/progress";
import type { ReportComparison } from "@/lib/drill/report-compare";
import { utc } from "@/lib/drill/report-format";
import { CompareCharts } from "./compare-charts";
import { CriteriaTable, FiguresTable, ParamsTable } from "./compare-tables";
import { ReportExportLinks } from "./report-export-links";

type Head = ReportComparison["a"];

function Who({ side, head }: { side: "A" | "B"; head: Head }) {
  const good = head.verdict === "PASSED" || head.verdict === "SHOWN";
  return (
    <div data-testid={`compare-${side.toLowerCase()}`} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <p className="text-sm">
        <span className="mr-2 text-lg font-semibold">{side}</span>
        {head.kindLabel} <Badge tone={head.verdict === "CANCELLED" ? "slate" : good ? "green" : "red"}>{head.verdict}</Badge>
      </p>
      <p className="font-mono text-xs">{head.id}</p>
      <p className="text-xs text-slate-600 dark:text-slate-400">{utc(head.startedAt)}</p>
      <div className="mt-1">
        <ReportExportLinks id={head.id} label={`report ${side}`} />
      </div>
    </div>
  );
}

export function ReportCompareView({ comparison: c, a, b }: { comparison: ReportComparison; a: AnyReport; b: AnyReport }) {
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <Who side="A" head={c.a} />
        <Who side="B" head={c.b} />
      </div>
      {c.notShared.length > 0 && (
        <section aria-labelledby="not-shared-title" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <h2 id="not-shared-title" className="font-semibold">
            What they do not share
          </h2>
          <ul className="list-disc pl-5">
            {c.notShared.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </section>
      )}
      <Card aria-labelledby="compare-figures-title">
        <CardTitle id="compare-figures-title" aside="difference is B − A">
          Key figures
        </CardTitle>
        <div className="overflow-x-auto">
          <FiguresTable lines={c.figures} />
        </div>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="compare-criteria-title">
          <CardTitle id="compare-criteria-title">Criteria</CardTitle>
          <CriteriaTable lines={c.criteria} />
        </Card>
        <Card aria-labelledby="compare-params-title">
          <CardTitle id="compare-params-title">Parameters</CardTitle>
          <ParamsTable lines={c.params} />
        </Card>
      </div>
      <Card aria-labelledby="compare-charts-title">
        <CardTitle id="compare-charts-title" aside="same time axis: seconds since each run's start">
          Throughput
        </CardTitle>
        <CompareCharts reports={[{ side: "A", report: a }, { side: "B", report: b }]} />
      </Card>
    </>
  );
}
