"use client";
// One stored report of any kind: a drill, a safety comparison or a session-timeout sweep.
import { reportKindOf, type AnyReport, type StoredDrillReport } from "@/lib/drill/progress";
import type { SafetyReport } from "@/lib/drill/safety-report";
import type { SweepReport } from "@/lib/drill/sweep-report";
import { DrillReportView } from "./drill-report-view";
import { ReportExportLinks } from "./report-export-links";
import { SafetyReportView } from "./safety-report-view";
import { SweepReportView } from "./sweep-report-view";

function View({ report }: { report: AnyReport }) {
  const kind = reportKindOf(report);
  if (kind === "safety") return <SafetyReportView report={report as SafetyReport} />;
  if (kind === "session-sweep") return <SweepReportView report={report as SweepReport} />;
  return <DrillReportView report={report as StoredDrillReport} />;
}

/** The report, and the ways to keep it (print view, Markdown, JSON) just above. */
export function AnyReportView({ report }: { report: AnyReport }) {
  return (
    <div className="flex flex-col gap-1">
      <div className="flex justify-end">
        <ReportExportLinks id={report.id} label={`report ${report.id}`} json />
      </div>
      <View report={report} />
    </div>
  );
}
