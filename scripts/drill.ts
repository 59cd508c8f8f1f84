// npm run drill -- --rate 10000 --duration 60 --kill-at 20 --restart-at 40 --broker auto --mode kill [--scenario …]
// npm run drill -- --scenario safety
// npm run drill -- --sweep-session-timeout 3000,6000,9000 [--rate 10000 --duration 30 --kill-at 8 --restart-at 20]
// Runs one Black Friday drill (or the safety comparison, or the session-timeout
// sweep) against the configured cluster, prints the report and where its JSON
// is; exits 0 only when its criteria hold.
import { config, ConfigError, type Config } from "@/lib/config";
import { DRILL_CLI_USAGE, parseDrillCliArgs, splitSweepArgs } from "@/lib/drill/cli-args";
import { formatReport } from "@/lib/drill/report-text";
import { DrillRun } from "@/lib/drill/run";
import { SafetyComparison } from "@/lib/drill/safety";
import { formatSafetyReport, formatSweepReport } from "@/lib/drill/report-text-extra";
import { acquireDrillLock, reportsDirOf } from "@/lib/drill/store";
import { runSessionSweep } from "@/lib/drill/sweep";
import { selectRuntime } from "@/lib/runtime/select";
import { runAction } from "@/lib/runtime/types";

const usage = (problem: string) => {
  console.error(`npm run drill: ${problem}\n\nusage: npm run drill -- [flags]\n${DRILL_CLI_USAGE}`);
  return 2;
};

/** Ctrl-C once cancels (the broker comes back), twice abandons. */
function onInterrupt(cancel: () => void): void {
  let interrupted = 0;
  const handler = () => {
    if (++interrupted > 1) process.exit(130);
    console.log("cancelling: stopping traffic and bringing the brokers back (Ctrl-C again to abandon)");
    cancel();
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}

async function sweep(cfg: Config, values: number[], rest: string[]): Promise<number> {
  const parsed = parseDrillCliArgs(rest);
  if (!parsed.ok) return usage(parsed.issues.join("\n  "));
  const given = (flag: string) => rest.some((a) => a === flag || a.startsWith(`${flag}=`));
  const p = parsed.value;
  const { report, path } = await runSessionSweep(cfg, {
    valuesMs: values,
    rate: p.rate,
    durationSec: given("--duration") ? p.durationSec : 30,
    killAtSec: given("--kill-at") ? p.killAtSec : 8,
    restartAtSec: p.restartAtSec ?? 20,
    log: (l) => console.log(l),
  });
  console.log(`\n${formatSweepReport(report)}\nreport: ${path}`);
  return report.points.every((x) => x.passed === true) ? 0 : 1;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const split = splitSweepArgs(argv);
  if (!split.ok) return usage(split.error);
  const cfg = config();
  const reportsDir = reportsDirOf(cfg.dataDir);
  const lock = acquireDrillLock(reportsDir);
  if ("heldBy" in lock) {
    console.error(`npm run drill: another drill is running (process ${lock.heldBy})`);
    return 3;
  }
  try {
    if (split.value.sweep) return await sweep(cfg, split.value.sweep, split.value.rest);
    const parsed = parseDrillCliArgs(argv);
    if (!parsed.ok) return usage(parsed.issues.join("\n  "));
    const params = parsed.value;
    const runtime = await selectRuntime(cfg);
    try {
      if (runtime.kind === "none") {
        console.error("npm run drill: RUNTIME=none is read-only; the drill needs to control the brokers");
        return 2;
      }
      if (typeof params.broker === "number" && !runtime.brokerIds.includes(params.broker)) {
        console.error(`npm run drill: broker ${params.broker} is not one of this cluster's brokers (${runtime.brokerIds.join(", ")})`);
        return 2;
      }
      const deps = {
        bootstrap: cfg.KAFKA_BROKERS ?? runtime.bootstrap,
        brokerIds: runtime.brokerIds,
        act: (id: number, action: Parameters<typeof runAction>[2], p?: Parameters<typeof runAction>[3]) => runAction(runtime, id, action, p),
        reportsDir,
        log: (line: string) => console.log(line),
      };
      if (params.scenario === "safety") {
        const safety = new SafetyComparison(deps, { recordBytes: params.recordBytes });
        onInterrupt(() => safety.cancel());
        const { report, path } = await safety.run();
        console.log(`\n${formatSafetyReport(report)}\nreport: ${path}`);
        return report.verdict.demonstrated ? 0 : 1;
      }
      const run = new DrillRun(deps, { params });
      onInterrupt(() => run.cancel());
      const ticker = setInterval(() => {
        const p = run.progress();
        const last = p.series.at(-2);
        console.log(
          `  [${p.phase}] ${p.elapsedSec.toFixed(0)} s: ${p.acked} acked, ${p.errors} errors, ${p.retries} retries, ${p.pending} pending` +
            (last ? `, ${last.acks} acks/s` : "") + (p.urp !== null ? `, URP ${p.urp}` : ""),
        );
      }, 5000);
      try {
        const { report, path } = await run.run();
        console.log(`\n${formatReport(report)}\nreport: ${path}`);
        return report.criteria.passed ? 0 : 1;
      } finally {
        clearInterval(ticker);
      }
    } finally {
      runtime.close();
    }
  } finally {
    lock.release();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : `npm run drill: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
