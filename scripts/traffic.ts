// npm run traffic -- --rate 200 --duration 120 [--max-events N] [--mix 70,25,5]
//   [--failure-rate 0.01] [--poison-rate 0.001] [--max-attempts 3] [--backoff-ms 200]
// Background StreamSocial traffic with the feed / notification / analytics
// handlers and their retry path; prints progress, stops at its bound (or on
// Ctrl-C), then prints the flow's stage figures against the lesson's targets.
import { config, ConfigError } from "@/lib/config";
import { formatFlowReport } from "@/lib/flow/report-table";
import { selectRuntime } from "@/lib/runtime/select";
import { parseTrafficCliArgs, TRAFFIC_USAGE } from "@/lib/traffic/cli-args";
import { TrafficRunner } from "@/lib/traffic/runner";

async function main(): Promise<number> {
  const parsed = parseTrafficCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`npm run traffic: ${parsed.issues.join("\n  ")}\n${TRAFFIC_USAGE}`);
    return 2;
  }
  const cfg = config();
  const runtime = await selectRuntime(cfg);
  const runner = new TrafficRunner(cfg.KAFKA_BROKERS ?? runtime.bootstrap, parsed.value);
  runtime.close();
  process.on("SIGINT", () => {
    console.log("stopping: the backlog is sent and the handlers finish, then leave their groups");
    void runner.stop();
  });
  await runner.start();
  const line = () => {
    const s = runner.status();
    const groups = s.groups.map((g) => `${g.groupId} ${g.consumed} (lag ${g.lag})`).join(", ");
    console.log(`[${s.state}] created ${s.created}, acknowledged ${s.produced}/${s.maxEvents} at ${s.currentRate.toFixed(0)}/s, backlog ${s.backlog}; ${groups}`);
  };
  const ticker = setInterval(line, 5000);
  await runner.done();
  clearInterval(ticker);
  line();
  const s = runner.status();
  for (const g of s.groups) console.log(`  ${g.groupId}: ${JSON.stringify(g.work)}`);
  console.log(`\n${formatFlowReport(runner.figures())}\n`);
  console.log(`stopped (${s.stoppedReason})${s.skipped > 0 ? `; ${s.skipped} events not made (backlog full)` : ""}${s.lastError ? `; last error: ${s.lastError}` : ""}`);
  return s.state === "failed" ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : `npm run traffic: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
