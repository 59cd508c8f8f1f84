// Which document a stored report becomes, by its kind.
import { reportKindOf, type AnyReport, type StoredDrillReport } from "./progress";
import type { ReportDoc } from "./report-doc";
import { drillDoc } from "./report-doc-drill";
import { safetyDoc } from "./report-doc-safety";
import { sweepDoc } from "./report-doc-sweep";
import type { SafetyReport } from "./safety-report";
import type { SweepReport } from "./sweep-report";

export function reportDoc(report: AnyReport): ReportDoc {
  const kind = reportKindOf(report);
  if (kind === "safety") return safetyDoc(report as SafetyReport);
  if (kind === "session-sweep") return sweepDoc(report as SweepReport);
  return drillDoc(report as StoredDrillReport);
}
