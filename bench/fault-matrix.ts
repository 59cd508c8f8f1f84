// The fault matrix as a benchmark: every scenario RUNS times on the bench cluster
// (.data/bench-cluster, ports 20692.., server 3401), printing per scenario
// fault → correct health and fault → correct broker state (median, max), seconds
// of false state (goal 0), and canary produce latency p50/p99 against the same
// figure on the healthy cluster measured in the same run (the reference).
// npx tsx bench/fault-matrix.ts [runs=3] [scenario name pattern, e.g. "partition|isolate"]
import { figures, percentile, violations } from "@/test/matrix/checks";
import { SCENARIOS, runScenario } from "@/test/matrix/scenarios";
import { runtimeTarget, Sampler } from "@/test/matrix/sampler";
import { sleep } from "@/lib/util/poll";
import { benchClusterDown, benchClusterUp, benchConfig, benchRuntime, benchUrl, median, startBenchServer } from "./monitor-harness";

const RUNS = Math.max(1, Math.min(5, Number(process.argv[2] ?? 3)));
const ONLY = process.argv[3] ? new RegExp(process.argv[3]) : null;

async function main(): Promise<void> {
  const cfg = benchConfig();
  const runtime = benchRuntime();
  await benchClusterUp();
  const server = await startBenchServer();
  const target = runtimeTarget("bench", benchUrl, runtime, cfg);
  try {
    // Reference: the canary on the healthy cluster, 20 s.
    const ref = new Sampler(target);
    ref.start(20_000);
    await sleep(20_000);
    const healthyMs = (await ref.stop()).flatMap((s) => (s.snapshot?.canary?.partitions ?? []).flatMap((p) => (p.ok && p.produceMs !== null ? [p.produceMs] : [])));
    const refP50 = percentile(healthyMs, 0.5) ?? NaN;
    console.log(`reference (healthy): canary produce p50 ${refP50.toFixed(1)} ms, p99 ${(percentile(healthyMs, 0.99) ?? NaN).toFixed(1)} ms`);
    console.log("scenario | fault→health median/max ms | fault→state median/max ms | false state s | canary p50 ms (× healthy) | p99 ms | violations");
    const network = await runtime.network.support();
    if (!network.ok) console.log(`network-fault scenarios skipped: ${network.reason}`);
    for (const scenario of SCENARIOS.filter((x) => (!ONLY || ONLY.test(x.name)) && (!x.network || network.ok))) {
      const rows = [];
      let broken = 0;
      for (let i = 0; i < RUNS; i++) {
        const run = await runScenario(target, scenario);
        rows.push(figures(run));
        broken += violations(run).length;
      }
      const h = rows.map((r) => r.faultToHealthMs ?? NaN);
      const st = rows.map((r) => r.faultToStateMs ?? NaN);
      const p50 = median(rows.map((r) => r.canaryP50 ?? NaN).filter(Number.isFinite));
      const p99 = Math.max(...rows.map((r) => r.canaryP99 ?? NaN).filter(Number.isFinite));
      const falseS = rows.reduce((s, r) => s + r.falseStateS, 0);
      console.log(
        `${scenario.name} | ${median(h)}/${Math.max(...h)} | ${median(st)}/${Math.max(...st)} | ${falseS} | ` +
          `${Number.isFinite(p50) ? `${p50.toFixed(1)} (${(p50 / refP50).toFixed(2)}×)` : "no writes"} | ${Number.isFinite(p99) ? p99.toFixed(1) : "-"} | ${broken}`,
      );
    }
  } finally {
    await server.stop();
    await benchClusterDown();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
