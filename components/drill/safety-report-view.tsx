"use client";
// The safety comparison: the unsafe run's lost acknowledged records beside the safe run's zero.
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import type { SafetyReport } from "@/lib/drill/safety-report";

export function SafetyReportView({ report: r }: { report: SafetyReport }) {
  return (
    <Card aria-labelledby="safety-report-title" data-testid="safety-report">
      <CardTitle id="safety-report-title" aside={<Badge tone={r.verdict.demonstrated ? "green" : "red"}>{r.verdict.demonstrated ? "SHOWN" : "NOT SHOWN"}</Badge>}>
        Safety comparison {r.id}
      </CardTitle>
      <p className="text-sm">{r.verdict.summary}</p>
    </Card>
  );
}
