// The session-timeout sweep: for each broker.session.timeout.ms value, restart
// the local cluster with it, run the same hard-kill drill (a broker that is not
// the active controller, so the figure is fencing, not a controller election
// too), and keep its recovery figures; at the end the cluster runs with the value
// it had before. Local runtime only: the value is a property file setting.
import type { Config } from "@/lib/config";
import { ClusterView } from "@/lib/kafka/cluster-view";
import { electPreferredLeaders, localClusterDown, localClusterUp, localRuntimeFromConfig } from "@/lib/runtime/local-cluster";
import { DRILL_TOPIC } from "@/lib/events/topics";
import { runAction } from "@/lib/runtime/types";
import { pollUntil } from "@/lib/util/poll";
import { parseDrillParams } from "./params";
import { DrillRun } from "./run";
import { backInEveryIsr } from "./sampler";
import { reportIdFor, reportsDirOf, writeReport } from "./store";
import type { SweepPoint, SweepReport } from "./sweep-report";
import { sweepValueIssues } from "./sweep-values";

export interface SweepOptions {
  valuesMs: number[];
  rate: number;
  durationSec: number;
  killAtSec: number;
  restartAtSec: number;
  log?: (line: string) => void;
}

const errText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The broker leading the most drill partitions that is not the active controller (a kill then costs no controller election). */
async function leaderNotController(bootstrap: readonly string[], brokerIds: readonly number[]): Promise<number> {
  const view = new ClusterView(bootstrap, "streamsocial-sweep");
  try {
    const controller = await view.controllerId().catch(() => null);
    const leaders = (await view.sample()).partitions.filter((p) => p.topic === DRILL_TOPIC).map((p) => p.leader);
    const count = (b: number) => leaders.filter((l) => l === b).length;
    return [...brokerIds].filter((b) => b !== controller).sort((a, b) => count(b) - count(a) || a - b)[0] ?? brokerIds[0]!;
  } finally {
    view.close();
  }
}

async function untilHealthy(cfg: Config, brokerIds: readonly number[]): Promise<boolean> {
  const view = new ClusterView(localRuntimeFromConfig(cfg).bootstrap, "streamsocial-sweep");
  try {
    return await pollUntil(async () => {
      const s = await view.sample();
      return brokerIds.every((id) => backInEveryIsr(id, s.registered, s.partitions));
    }, { timeoutMs: 180_000, intervalMs: 500 });
  } finally {
    view.close();
  }
}

/** Restarts every node with `sessionTimeoutMs` in its properties and waits until all are in sync. */
async function restartWith(cfg: Config, sessionTimeoutMs: number, log: (l: string) => void): Promise<Config> {
  const next: Config = { ...cfg, LOCAL_SESSION_TIMEOUT_MS: sessionTimeoutMs };
  const runtime = localRuntimeFromConfig(cfg);
  try {
    await localClusterDown(runtime);
  } finally {
    runtime.close();
  }
  await localClusterUp(next, log);
  if (!(await untilHealthy(next, localRuntimeFromConfig(next).brokerIds))) throw new Error(`the cluster was not back in sync within 180 s with broker.session.timeout.ms=${sessionTimeoutMs}`);
  return next;
}

export async function runSessionSweep(cfg: Config, opts: SweepOptions): Promise<{ report: SweepReport; path: string }> {
  const log = opts.log ?? (() => {});
  const issues = sweepValueIssues(opts.valuesMs);
  if (issues.length > 0) throw new Error(issues.join("; "));
  if (cfg.RUNTIME !== "local" && cfg.RUNTIME !== "auto") throw new Error(`the sweep restarts the local cluster; RUNTIME=${cfg.RUNTIME} is not it`);
  const parsed = parseDrillParams({ rate: opts.rate, durationSec: opts.durationSec, killAtSec: opts.killAtSec, restartAtSec: opts.restartAtSec, mode: "kill" });
  if (!parsed.ok) throw new Error(parsed.error);
  const startedAt = Date.now();
  const points: SweepPoint[] = [];
  const notes: string[] = [];
  const reportsDir = reportsDirOf(cfg.dataDir);
  try {
    for (const value of opts.valuesMs) {
      log(`sweep: broker.session.timeout.ms=${value}: restarting the cluster`);
      const point: SweepPoint = { sessionTimeoutMs: value, drillId: null, fencedMs: null, kafkaPartMs: null, clientPartMs: null, recoveryMs: null, lost: null, passed: null, error: null };
      points.push(point);
      try {
        const c = await restartWith(cfg, value, log);
        const runtime = localRuntimeFromConfig(c);
        try {
          await electPreferredLeaders(c);
          const target = await leaderNotController(runtime.bootstrap, runtime.brokerIds);
          const run = new DrillRun(
            { bootstrap: runtime.bootstrap, brokerIds: runtime.brokerIds, act: (id, action, p) => runAction(runtime, id, action, p), reportsDir, log },
            { params: { ...parsed.value, broker: target } },
          );
          const { report } = await run.run();
          const first = report.steps?.[0];
          Object.assign(point, {
            drillId: report.id, fencedMs: first?.fencedMs ?? null, kafkaPartMs: first?.kafkaPartMs ?? null, clientPartMs: first?.clientPartMs ?? null,
            recoveryMs: report.figures.recoveryMs, lost: report.verify?.missing.count ?? null, passed: report.criteria.passed,
          });
        } finally {
          runtime.close();
        }
      } catch (err) {
        point.error = errText(err);
        notes.push(`${value} ms: ${point.error}`);
      }
    }
  } finally {
    log(`sweep: restoring broker.session.timeout.ms=${cfg.LOCAL_SESSION_TIMEOUT_MS}`);
    await restartWith(cfg, cfg.LOCAL_SESSION_TIMEOUT_MS, log).catch((err: unknown) => notes.push(`restoring the cluster failed: ${errText(err)}`));
  }
  const report: SweepReport = {
    kind: "session-sweep",
    version: 1,
    id: reportIdFor(startedAt),
    startedAt,
    finishedAt: Date.now(),
    params: { valuesMs: opts.valuesMs, rate: opts.rate, durationSec: opts.durationSec, killAtSec: opts.killAtSec, restartAtSec: opts.restartAtSec },
    points,
    restoredTo: cfg.LOCAL_SESSION_TIMEOUT_MS,
    notes,
  };
  return { report, path: writeReport(reportsDir, report) };
}
