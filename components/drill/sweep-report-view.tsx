"use client";
// Recovery against broker.session.timeout.ms, one point per value.
import { Card, CardTitle } from "@/components/ui/card";
import type { SweepReport } from "@/lib/drill/sweep-report";

export function SweepReportView({ report: r }: { report: SweepReport }) {
  return (
    <Card aria-labelledby="sweep-report-title" data-testid="sweep-report">
      <CardTitle id="sweep-report-title">Session-timeout sweep {r.id}</CardTitle>
      <p className="text-sm">{r.points.length} points</p>
    </Card>
  );
}
