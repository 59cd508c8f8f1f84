// Kill → the API reports SHUTDOWN (median of 5), and kill → URP visible in the
// API vs. when Kafka's own TopicCommand first shows it, measured in the same run.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { ClusterSnapshot } from "@/lib/model/cluster";
import { pollUntil } from "@/lib/util/poll";
import { benchClusterDown, benchClusterUp, benchConfig, benchRuntime, benchUrl, median, startBenchServer } from "./monitor-harness";

const run = promisify(execFile);
const ROUNDS = 5;

const snapshot = async (): Promise<ClusterSnapshot> => (await fetch(`${benchUrl}/api/cluster`)).json() as Promise<ClusterSnapshot>;

async function toolShowsUrp(): Promise<boolean> {
  const cfg = benchConfig();
  const { stdout } = await run(cfg.JAVA_BIN, ["-Xmx256m", "-cp", `${path.join(cfg.kafkaHome, "libs")}/*`, "org.apache.kafka.tools.TopicCommand",
    "--bootstrap-server", benchRuntime().bootstrap.join(","), "--describe", "--under-replicated-partitions"]);
  return /Partition:/.test(stdout);
}

async function healthy(): Promise<boolean> {
  const s = await snapshot();
  return s.health === "HEALTHY" && s.brokers.every((b) => b.state === "RUNNING");
}

async function main(): Promise<void> {
  await benchClusterUp();
  const server = await startBenchServer();
  const rt = benchRuntime();
  const shutdownMs: number[] = [];
  const urpApiMs: number[] = [];
  const urpToolMs: number[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      if (!(await pollUntil(healthy, { timeoutMs: 120_000, intervalMs: 250 }))) throw new Error("cluster not healthy before round");
      const victim = 1 + (round % 3);
      const t0 = Date.now();
      await rt.kill(victim);
      let apiShutdown = NaN;
      let apiUrp = NaN;
      let toolUrp = NaN;
      const toolLoop = (async () => {
        await pollUntil(async () => {
          const seen = await toolShowsUrp();
          if (seen) toolUrp = Date.now() - t0;
          return seen;
        }, { timeoutMs: 60_000, intervalMs: 0 });
      })();
      await pollUntil(async () => {
        const s = await snapshot();
        const now = Date.now() - t0;
        if (Number.isNaN(apiShutdown) && s.brokers.find((b) => b.id === victim)?.state === "SHUTDOWN") apiShutdown = now;
        if (Number.isNaN(apiUrp) && s.figures.underReplicated > 0) apiUrp = now;
        return !Number.isNaN(apiShutdown) && !Number.isNaN(apiUrp);
      }, { timeoutMs: 60_000, intervalMs: 10 });
      await toolLoop;
      console.log(`round ${round}: broker ${victim} killed → API SHUTDOWN ${apiShutdown} ms, API URP>0 ${apiUrp} ms, TopicCommand URP ${toolUrp} ms`);
      shutdownMs.push(apiShutdown);
      urpApiMs.push(apiUrp);
      urpToolMs.push(toolUrp);
      await rt.start(victim);
    }
  } finally {
    await server.stop();
    await benchClusterDown();
  }
  console.log("\nmonitor latency (median of 5 kills)");
  console.log(`  kill → API reports SHUTDOWN : ${median(shutdownMs)} ms`);
  console.log(`  kill → API shows URP > 0    : ${median(urpApiMs)} ms`);
  console.log(`  kill → TopicCommand shows URP: ${median(urpToolMs)} ms (includes ~1-2 s JVM start per try)`);
  console.log(`  ratio API URP / TopicCommand URP: ${(median(urpApiMs) / median(urpToolMs)).toFixed(2)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
