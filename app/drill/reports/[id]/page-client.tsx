"use client";
// One report on its own, for reading on paper: print it (or save it as PDF)
// with the browser, or download it as Markdown.
import Link from "next/link";
import { useMemo } from "react";
import { ReportDocument } from "@/components/drill/report-document";
import { ReportExportLinks } from "@/components/drill/report-export-links";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { reportDoc } from "@/lib/drill/report-document";
import { isReportId } from "@/lib/drill/report-id";
import { useDrillReport } from "@/lib/swr/use-drills";

export function ReportPrintClient({ id }: { id: string }) {
  const valid = isReportId(id);
  const { report, error, isLoading } = useDrillReport(valid ? id : null);
  const doc = useMemo(() => (report ? reportDoc(report) : null), [report]);
  return (
    <main className="mx-auto max-w-5xl p-4 print:max-w-none print:p-0">
      <div data-print="hide" className="mb-3 flex flex-wrap items-center gap-3">
        <Link href="/drill" className="text-sm text-sky-700 underline dark:text-sky-400">
          ← Drill page
        </Link>
        {doc && (
          <>
            <Button variant="primary" onClick={() => window.print()}>
              Print
            </Button>
            <ReportExportLinks id={id} label={`report ${id}`} print={false} json />
          </>
        )}
      </div>
      <div className="rounded-lg bg-white p-6 text-slate-900 shadow-sm [color-scheme:light] print:rounded-none print:p-0 print:shadow-none">
        {!valid ? (
          <p role="alert" className="text-sm text-red-800">
            &ldquo;{id.slice(0, 80)}&rdquo; is not a report id: one looks like drill-20250101T120000123Z. Pick a report from the Drill page.
          </p>
        ) : error ? (
          <p role="alert" className="text-sm text-red-800">
            {error.status === 404 ? `There is no report ${id}: it may have been deleted from the reports folder.` : `Report ${id} could not be loaded: ${error.message}`}
          </p>
        ) : !doc || isLoading ? (
          <div aria-busy="true" aria-label="Loading the report" className="flex flex-col gap-3">
            <Skeleton className="h-7 w-2/3" />
            <Skeleton className="h-40 w-full" />
            <Skeleton className="h-56 w-full" />
          </div>
        ) : (
          <ReportDocument doc={doc} />
        )}
      </div>
    </main>
  );
}
