// npm run drill -- --rate 10000 --duration 60 --kill-at 20 --restart-at 40 --broker auto --mode kill
// Runs one Black Friday drill against the configured cluster, prints the report
// and where its JSON is; exits 0 only when the lesson's criteria hold.
import { config, ConfigError } from "@/lib/config";
import { DRILL_CLI_USAGE, parseDrillCliArgs } from "@/lib/drill/cli-args";
import { formatReport } from "@/lib/drill/report-text";
import { DrillRun } from "@/lib/drill/run";
import { acquireDrillLock, reportsDirOf } from "@/lib/drill/store";
import { selectRuntime } from "@/lib/runtime/select";
import { runAction } from "@/lib/runtime/types";

async function main(): Promise<number> {
  const parsed = parseDrillCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`npm run drill: ${parsed.issues.join("\n  ")}\n\nusage: npm run drill -- [flags]\n${DRILL_CLI_USAGE}`);
    return 2;
  }
  const params = parsed.value;
  const cfg = config();
  const runtime = await selectRuntime(cfg);
  if (runtime.kind === "none") {
    console.error("npm run drill: RUNTIME=none is read-only; the drill needs to control the brokers");
    return 2;
  }
  if (typeof params.broker === "number" && !runtime.brokerIds.includes(params.broker)) {
    console.error(`npm run drill: broker ${params.broker} is not one of this cluster's brokers (${runtime.brokerIds.join(", ")})`);
    return 2;
  }
  const reportsDir = reportsDirOf(cfg.dataDir);
  const lock = acquireDrillLock(reportsDir);
  if ("heldBy" in lock) {
    console.error(`npm run drill: another drill is running (process ${lock.heldBy})`);
    return 3;
  }
  const run = new DrillRun(
    {
      bootstrap: cfg.KAFKA_BROKERS ?? runtime.bootstrap,
      brokerIds: runtime.brokerIds,
      act: (id, action, params) => runAction(runtime, id, action, params),
      reportsDir,
      log: (line) => console.log(line),
    },
    { params },
  );
  let interrupted = 0;
  const onSignal = () => {
    if (++interrupted > 1) process.exit(130);
    console.log("cancelling: stopping traffic and bringing the broker back (Ctrl-C again to abandon)");
    run.cancel();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
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
    lock.release();
    runtime.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : `npm run drill: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
