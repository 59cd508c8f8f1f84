"use client";
// The Black Friday drill: configure and run, watch it live, cancel, read the
// report with its charts; past reports; background traffic beside it.
import { useCallback, useEffect, useState } from "react";
import { Card, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { DrillForm } from "@/components/drill/drill-form";
import { DrillLive } from "@/components/drill/drill-live";
import { AnyReportView } from "@/components/drill/any-report-view";
import { ReportList } from "@/components/drill/report-list";
import Link from "next/link";
import { useDrillActions, useDrillReport, useDrillTargets, useDrills } from "@/lib/swr/use-drills";

export function DrillClient() {
  const { list, error, isLoading, refresh } = useDrills();
  const { brokerIds, runtimeAvailable, runtimeKind } = useDrillTargets();
  const onChange = useCallback(() => void refresh(), [refresh]);
  const { busy, failure, start, cancel } = useDrillActions(onChange);
  const [selected, setSelected] = useState<string | null>(null);
  const running = list?.running ?? null;
  const newest = list?.reports[0]?.id ?? null;
  // A drill that just finished shows its report; otherwise the newest, until the operator picks one.
  const finishedId = list?.last && list.last.phase !== "failed" ? list.last.id : null;
  useEffect(() => {
    if (finishedId) setSelected(finishedId);
  }, [finishedId]);
  useEffect(() => {
    if (selected === null && newest) setSelected(newest);
  }, [selected, newest]);
  const { report, error: reportError } = useDrillReport(selected);

  const disabledReason = running
    ? "a drill is already running"
    : runtimeKind === "none"
      ? "read-only dashboard (RUNTIME=none): no broker can be broken"
      : runtimeAvailable === false
        ? "the broker runtime is not available"
        : null;

  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 p-4">
      <h1 className="text-xl font-semibold">Black Friday drill</h1>
      <Card aria-labelledby="drill-config-title">
        <CardTitle id="drill-config-title" aside="success: zero loss, recovery < 30 s, degradation < 50 %">
          Configure
        </CardTitle>
        <DrillForm brokerIds={brokerIds} disabledReason={disabledReason} busy={busy === "start"} onStart={(p) => void start(p)} />
        {failure && (
          <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
            {failure.status === 401 ? "This dashboard needs its DASHBOARD_TOKEN (set it from the Overview page): " : ""}
            {failure.message}
          </p>
        )}
      </Card>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Drill status unavailable: {error.message}
        </p>
      )}
      {running && <DrillLive drill={running} cancelling={busy === "cancel"} onCancel={() => void cancel()} />}
      {!running && list?.last?.phase === "failed" && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          The last drill failed: {list.last.error}
        </p>
      )}
      {isLoading && !list ? (
        <Skeleton className="h-40 w-full" />
      ) : (
        <>
          {selected && report && <AnyReportView report={report} />}
          {selected && reportError && <p role="alert" className="text-sm text-red-700">Report {selected}: {reportError.message}</p>}
          <ReportList reports={list?.reports ?? []} selected={selected} onSelect={setSelected} />
        </>
      )}
      <p className="text-sm">
        Background traffic (the feed, notification and analytics handlers, their latencies and error path) runs from the{" "}
        <Link href="/flow" className="font-medium text-sky-700 underline hover:text-sky-900 dark:text-sky-400">
          Event flow
        </Link>{" "}
        page.
      </p>
    </main>
  );
}
