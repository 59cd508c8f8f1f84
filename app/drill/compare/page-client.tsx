"use client";
// Two stored reports side by side (/drill/compare?a=<id>&b=<id>), opened from
// the Drill page's list of past drills.
import Link from "next/link";
import { useMemo } from "react";
import { ReportCompareView } from "@/components/drill/report-compare-view";
import { Skeleton } from "@/components/ui/skeleton";
import { compareReports } from "@/lib/drill/report-compare";
import { isReportId } from "@/lib/drill/report-id";
import type { FetchError } from "@/lib/swr/fetcher";
import { useReportPair } from "@/lib/swr/use-report-pair";

function problemOf(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return "Pick two reports to compare: tick them in the list of past drills on the Drill page, then press Compare.";
  for (const [side, id] of [["A", a], ["B", b]] as const) {
    if (!isReportId(id)) return `${side} (“${id.slice(0, 80)}”) is not a report id: one looks like drill-20250101T120000123Z.`;
  }
  return null;
}

const failed = (side: string, id: string | null, e: FetchError) => (e.status === 404 ? `${side}: there is no report ${id}.` : `${side}: report ${id} could not be loaded: ${e.message}`);

export function CompareClient({ a, b }: { a: string | null; b: string | null }) {
  const problem = problemOf(a, b);
  const pair = useReportPair(problem ? null : a, problem ? null : b);
  const comparison = useMemo(() => (pair.a && pair.b ? compareReports(pair.a, pair.b) : null), [pair.a, pair.b]);
  const errors = [pair.errorA ? failed("A", a, pair.errorA) : null, pair.errorB ? failed("B", b, pair.errorB) : null].filter((x): x is string => x !== null);
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">Compare two reports</h1>
        <Link href="/drill" className="text-sm text-sky-700 underline dark:text-sky-400">
          ← Past drills
        </Link>
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      ) : errors.length > 0 ? (
        errors.map((e) => (
          <p key={e} role="alert" className="text-sm text-red-700 dark:text-red-400">
            {e}
          </p>
        ))
      ) : comparison && pair.a && pair.b ? (
        <ReportCompareView comparison={comparison} a={pair.a} b={pair.b} />
      ) : (
        <div aria-busy="true" aria-label="Loading both reports" className="flex flex-col gap-4">
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-72 w-full" />
        </div>
      )}
    </main>
  );
}
