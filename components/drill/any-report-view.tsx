"use client";
// One stored report of any kind: a drill, a safety comparison or a session-timeout sweep.
import { reportKindOf, type AnyReport, type StoredDrillReport } from "@/lib/drill/progress";
import type { SafetyReport } from "@/lib/drill/safety-report";
import type { SweepReport } from "@/lib/drill/sweep-report";
import { DrillReportView } from "./drill-report-view";
import { SafetyReportView } from "./safety-report-view";
import { SweepReportView } from "./sweep-report-view";

export function AnyReportView({ report }: { report: AnyReport }) {
  const kind = reportKindOf(report);
  if (kind === "safety") return <SafetyReportView report={report as SafetyReport} />;
  if (kind === "session-sweep") return <SweepReportView report={report as SweepReport} />;
  return <DrillReportView report={report as StoredDrillReport} />;
}
