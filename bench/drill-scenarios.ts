// npm run bench:scenarios [-- "filter"]
// Issue 15's figures on the bench cluster (.data/bench-cluster, ports 20692..), at
// 10,000 events/s:
//  1. failover from a frozen leader: the drill's producer against the kafkajs
//     producer it replaced (the reference, same run, same fault);
//  2. every scenario: recovery per step (Kafka's part / the client's), degradation, loss;
//  3. the safety comparison: acknowledged records lost, unsafe vs safe;
//  4. the session-timeout sweep (3, 6, 9 s).
// Leaders are moved back to their preferred replicas before each run, so "auto" and
// the non-controller target are the same broker every time.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { ClusterView } from "@/lib/kafka/cluster-view";
import { parseDrillParams } from "@/lib/drill/params";
import { DrillRun } from "@/lib/drill/run";
import { SafetyComparison } from "@/lib/drill/safety";
import { reportsDirOf } from "@/lib/drill/store";
import { runSessionSweep } from "@/lib/drill/sweep";
import { formatSweepReport } from "@/lib/drill/report-text-extra";
import type { StoredDrillReport } from "@/lib/drill/progress";
import { runAction } from "@/lib/runtime/types";
import { benchConfig, benchRuntime, runFaultBench } from "./monitor-harness";

const filter = new RegExp(process.argv[2] ?? ".", "i");
const s = (ms: number | null | undefined) => (ms == null ? "—" : `${(ms / 1000).toFixed(1)} s`);
const rows: string[] = [];

async function electPreferred(): Promise<void> {
  const cfg = benchConfig();
  await promisify(execFile)(cfg.JAVA_BIN, ["-Xmx128m", "-cp", `${path.join(cfg.kafkaHome, "libs")}/*`, "org.apache.kafka.tools.LeaderElectionCommand",
    "--bootstrap-server", benchRuntime().bootstrap.join(","), "--election-type", "PREFERRED", "--all-topic-partitions"], { timeout: 60_000 }).catch(() => {});
}

/** The broker leading the most drill partitions that is not the active controller. */
async function nonControllerTarget(): Promise<number> {
  const view = new ClusterView(benchRuntime().bootstrap, "bench-scenarios");
  try {
    const controller = await view.controllerId();
    const leaders = (await view.sample()).partitions.filter((p) => p.topic === "streamsocial_drill").map((p) => p.leader);
    return [...new Set(leaders)].filter((b) => b !== controller).sort((a, b) => leaders.filter((l) => l === b).length - leaders.filter((l) => l === a).length || a - b)[0]!;
  } finally {
    view.close();
  }
}

async function drill(input: Record<string, unknown>, kafkajs = false): Promise<StoredDrillReport> {
  const p = parseDrillParams(input);
  if (!p.ok) throw new Error(p.error);
  await electPreferred();
  const rt = benchRuntime();
  const run = new DrillRun(
    { bootstrap: rt.bootstrap, brokerIds: rt.brokerIds, act: (id, a, ap) => runAction(rt, id, a, ap), reportsDir: reportsDirOf(benchConfig().dataDir) },
    { params: p.value, ...(kafkajs ? { testOnly: { kafkajsProducer: true } } : {}) },
  );
  const { report } = await run.run();
  rt.close();
  return report;
}

function row(name: string, r: StoredDrillReport): void {
  const steps = (r.steps ?? []).filter((x) => x.kind !== "restore" || x.backInIsrMs !== null);
  const per = steps.map((x) => `${x.action} ${x.brokerId}: ${x.kind === "restore" ? `in ISR ${s(x.backInIsrMs)}` : `kafka ${s(x.kafkaPartMs)} + client ${s(x.clientPartMs)}${x.kind === "restart" ? `, in ISR ${s(x.backInIsrMs)}` : ""}`}`).join("; ");
  const v = r.verify;
  rows.push(`| ${name} | ${per} | ${r.figures.degradationPct === null ? "—" : `${r.figures.degradationPct.toFixed(1)} %`} | ${s(r.figures.recoveryMs)} | ${v ? `${v.missing.count} of ${v.acked.toLocaleString("en-US")}` : "unverified"} | ${r.criteria.passed ? "pass" : `fail (${r.criteria.checks.filter((c) => !c.passed).map((c) => c.name).join(", ")})`} |`);
  console.log(rows.at(-1));
}

runFaultBench(async () => {
  const rate = 10_000;
  if (filter.test("failover")) {
    const freeze = async (kafkajs: boolean) => drill({ rate, durationSec: 30, killAtSec: 5, restartAtSec: 28, mode: "pause", broker: await nonControllerTarget() }, kafkajs);
    const ref = await freeze(true);
    const ours = await freeze(false);
    const fw = (r: StoredDrillReport) => r.figures.firstWriteAfterKillMs;
    console.log("\nFailover from a frozen leader (23 s freeze at 5 s, 10,000 events/s):");
    console.log("| producer | fenced | first write on moved partitions | Kafka's part | client's part | lost |");
    console.log("| --- | --- | --- | --- | --- | --- |");
    for (const [name, r] of [["kafkajs 2.2 (reference)", ref], ["drill producer", ours]] as const) {
      const st = r.steps?.[0];
      console.log(`| ${name} | ${s(st?.fencedMs)} | ${s(fw(r))} | ${s(st?.kafkaPartMs)} | ${s(st?.clientPartMs)} | ${r.verify?.missing.count ?? "?"} |`);
    }
    if (fw(ref) !== null && fw(ours) !== null) console.log(`ratio first write, drill producer / kafkajs: ${(fw(ours)! / fw(ref)!).toFixed(2)}`);
  }
  const scenarios: [string, () => Promise<Record<string, unknown>>][] = [
    ["single: kill the leader-heavy broker", async () => ({ rate, durationSec: 50, killAtSec: 10, restartAtSec: 30, mode: "kill" })],
    ["single: freeze a non-controller leader 20 s", async () => ({ rate, durationSec: 50, killAtSec: 10, restartAtSec: 30, mode: "pause", broker: await nonControllerTarget() })],
    ["single: partition a non-controller leader", async () => ({ rate, durationSec: 50, killAtSec: 10, restartAtSec: 30, mode: "partition", broker: await nonControllerTarget() })],
    ["controller-failover (kill)", async () => ({ scenario: "controller-failover", rate, durationSec: 50, killAtSec: 10, restartAtSec: 30, mode: "kill" })],
    ["rolling-restart", async () => ({ scenario: "rolling-restart", rate, durationSec: 300, killAtSec: 10 })],
    ["cascade (kill, second at +8 s, both back at +20 s)", async () => ({ scenario: "cascade", rate, durationSec: 70, killAtSec: 10, secondAtSec: 18, restartAtSec: 30, mode: "kill" })],
  ];
  for (const [name, input] of scenarios) {
    if (!filter.test(name)) continue;
    row(name, await drill(await input()));
  }
  if (rows.length > 0) {
    console.log("\nScenarios at 10,000 events/s:");
    console.log("| scenario | per step (from the step) | degradation | recovery (≥ 90 %) | lost | criteria |\n| --- | --- | --- | --- | --- | --- |");
    console.log(rows.join("\n"));
  }
  if (filter.test("safety")) {
    const rt = benchRuntime();
    const { report } = await new SafetyComparison({ bootstrap: rt.bootstrap, brokerIds: rt.brokerIds, act: (id, a, p) => runAction(rt, id, a, p), reportsDir: reportsDirOf(benchConfig().dataDir) }).run();
    rt.close();
    console.log("\nSafety comparison:");
    for (const r of report.runs) console.log(`| ${r.settings} | acks=${r.producer.acks === -1 ? "all" : r.producer.acks}, min ISR ${r.topicConfig.minInsyncReplicas}, unclean ${r.topicConfig.uncleanLeaderElection} | ${r.readBack ? `${r.readBack.lost.count} of ${r.readBack.acked} acknowledged lost` : "not read back"} | new leader after ${s(r.electedAfterMs)} |`);
    console.log(report.verdict.summary);
  }
  if (filter.test("sweep")) {
    const { report } = await runSessionSweep(benchConfig(), { valuesMs: [3000, 6000, 9000], rate, durationSec: 30, killAtSec: 8, restartAtSec: 20, log: (l) => (l.startsWith("sweep") ? console.log(l) : undefined) });
    console.log(`\n${formatSweepReport(report)}`);
  }
});
