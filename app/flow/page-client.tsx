"use client";
// The Event flow: the lesson's state machine drawn live from the traffic's
// stage figures, the lesson's targets, each handler, the live feed (the "UI
// updated" stage, timed in this browser) and the flow over time; traffic is
// started, tuned and stopped here.
import { Card, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { HealthBanner } from "@/components/overview/health-banner";
import { FlowCharts } from "@/components/flow/flow-charts";
import { FlowControls } from "@/components/flow/flow-controls";
import { FlowDiagram } from "@/components/flow/flow-diagram";
import { HandlerTable } from "@/components/flow/handler-table";
import { LiveFeed } from "@/components/flow/live-feed";
import { TargetTable } from "@/components/flow/target-table";
import { useCluster } from "@/lib/swr/use-cluster";
import { useFlow } from "@/lib/swr/use-flow";

export function FlowClient() {
  const { data, error, isLoading } = useFlow();
  const { snapshot, serverDown } = useCluster();
  const run = data?.run ?? null;
  const flow = data?.flow ?? null;
  const running = run?.state === "running";
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 p-4">
      <h1 className="text-xl font-semibold">Event flow</h1>
      {snapshot && <HealthBanner snapshot={snapshot} serverDown={serverDown} />}
      <Card aria-labelledby="flow-traffic-title">
        <CardTitle id="flow-traffic-title" aside="feed, notification and analytics handlers; retries, then the dead-letter topic">
          Traffic
        </CardTitle>
        <FlowControls run={run} />
      </Card>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Flow figures unavailable: {error.message}. Retrying…
        </p>
      )}
      <Card aria-labelledby="flow-diagram-title">
        <CardTitle id="flow-diagram-title" aside={run ? `run ${run.seed} · ${running ? `last ${flow?.windowSec ?? 10} s` : "whole run"}` : undefined}>
          State machine
        </CardTitle>
        {isLoading && !data ? (
          <Skeleton className="h-72 w-full" />
        ) : flow ? (
          <FlowDiagram flow={flow} />
        ) : (
          <p className="rounded-md border border-dashed border-slate-300 p-6 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400" data-testid="flow-empty">
            No traffic has run since the dashboard started. Start it above: every event is timed from its creation to the handlers and to this page.
          </p>
        )}
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="flow-targets-title">
          <CardTitle id="flow-targets-title">The lesson&apos;s targets</CardTitle>
          {flow ? <TargetTable targets={flow.targets} running={running} windowSec={flow.windowSec} /> : <p className="text-sm text-slate-600">No run yet.</p>}
        </Card>
        <Card aria-labelledby="flow-feed-title">
          <CardTitle id="flow-feed-title" aside="what a StreamSocial user sees">
            Live feed
          </CardTitle>
          <LiveFeed />
        </Card>
      </div>
      {flow && (
        <Card aria-labelledby="flow-handlers-title">
          <CardTitle id="flow-handlers-title" aside={`handler target < 100 ms · error rate < 0.1 %`}>
            Handlers
          </CardTitle>
          <HandlerTable handlers={flow.handlers} running={running} />
        </Card>
      )}
      {data && data.history.length > 0 && (
        <Card aria-labelledby="flow-charts-title">
          <CardTitle id="flow-charts-title" aside="operator actions from the timeline marked in red">
            Over time
          </CardTitle>
          <FlowCharts points={data.history} />
        </Card>
      )}
    </main>
  );
}
