// npm run bench (second half), or: tsx bench/drill-full.ts
// The lesson's full drill: 60 s at 10,000 events/s, hard kill of the broker
// leading the most drill partitions at 20 s, restart at 40 s. Prints the report,
// then the three headline figures: loss, recovery time, degradation.
import { config } from "@/lib/config";
import { parseDrillParams } from "@/lib/drill/params";
import { formatReport } from "@/lib/drill/report-text";
import { DrillRun } from "@/lib/drill/run";
import { acquireDrillLock, reportsDirOf } from "@/lib/drill/store";
import { selectRuntime } from "@/lib/runtime/select";
import { runAction } from "@/lib/runtime/types";

async function main(): Promise<number> {
  const parsed = parseDrillParams({ rate: 10_000, durationSec: 60, killAtSec: 20, restartAtSec: 40, broker: "auto", mode: "kill" });
  if (!parsed.ok) throw new Error(parsed.error);
  const cfg = config();
  const runtime = await selectRuntime(cfg);
  const reportsDir = reportsDirOf(cfg.dataDir);
  const lock = acquireDrillLock(reportsDir);
  if ("heldBy" in lock) throw new Error(`another drill is running (pid ${lock.heldBy})`);
  try {
    const run = new DrillRun(
      { bootstrap: cfg.KAFKA_BROKERS ?? runtime.bootstrap, brokerIds: runtime.brokerIds, act: (id, a, p) => runAction(runtime, id, a, p), reportsDir, log: console.log },
      { params: parsed.value },
    );
    const ticker = setInterval(() => {
      const p = run.progress();
      console.log(`  [${p.phase}] ${p.elapsedSec.toFixed(0)} s: ${p.acked} acked, ${p.pending} pending, ${p.series.at(-2)?.acks ?? 0} acks/s, URP ${p.urp ?? "?"}`);
    }, 5000);
    const { report, path } = await run.run().finally(() => clearInterval(ticker));
    const f = report.figures;
    console.log(`\n${formatReport(report)}\nreport: ${path}\n`);
    console.log("full drill figures:");
    console.log(`  loss: ${report.verify ? report.verify.missing.count : "unproven"} acknowledged records missing, ${report.verify?.duplicates.count ?? "?"} duplicates`);
    console.log(`  recovery (≥ 90 % of baseline): ${f.recoveryMs === null ? "never" : `${(f.recoveryMs / 1000).toFixed(1)} s`}; first write on moved partitions ${f.firstWriteAfterKillMs === null ? "never" : `${(f.firstWriteAfterKillMs / 1000).toFixed(1)} s`}; URP 0 again ${f.urpClearedAfterRestartMs === null ? "never" : `${(f.urpClearedAfterRestartMs / 1000).toFixed(1)} s`} after the restart`);
    console.log(`  degradation: ${f.degradationPct === null ? "n/a" : `${f.degradationPct.toFixed(1)} %`} (baseline ${Math.round(f.baselineAcksPerSec ?? 0)}/s, outage ${Math.round(f.outageAcksPerSec ?? 0)}/s)`);
    return report.criteria.passed ? 0 : 1;
  } finally {
    lock.release();
    runtime.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
