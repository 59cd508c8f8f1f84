// npm run traffic -- --rate 200 --duration 120 [--max-events N]
// Background StreamSocial traffic with the feed / notification / analytics
// consumer groups; prints progress and stops at its bound (or on Ctrl-C).
import { config, ConfigError } from "@/lib/config";
import { selectRuntime } from "@/lib/runtime/select";
import { parseTrafficCliArgs } from "@/lib/traffic/params";
import { TrafficRunner } from "@/lib/traffic/runner";

async function main(): Promise<number> {
  const parsed = parseTrafficCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`npm run traffic: ${parsed.issues.join("\n  ")}\nusage: npm run traffic -- --rate <1..5000> --duration <1..3600 s> [--max-events N]`);
    return 2;
  }
  const cfg = config();
  const runtime = await selectRuntime(cfg);
  const runner = new TrafficRunner(cfg.KAFKA_BROKERS ?? runtime.bootstrap, parsed.value);
  runtime.close();
  process.on("SIGINT", () => {
    console.log("stopping: the consumers drain, then leave their groups");
    void runner.stop();
  });
  await runner.start();
  const line = () => {
    const s = runner.status();
    const groups = s.groups.map((g) => `${g.groupId} ${g.consumed} (lag ${g.lag})`).join(", ");
    console.log(`[${s.state}] produced ${s.produced}/${s.maxEvents} at ${s.currentRate.toFixed(0)}/s, failed ${s.failed}; ${groups}`);
  };
  const ticker = setInterval(line, 5000);
  await runner.done();
  clearInterval(ticker);
  line();
  const s = runner.status();
  for (const g of s.groups) console.log(`  ${g.groupId}: ${JSON.stringify(g.work)}`);
  console.log(`stopped (${s.stoppedReason})${s.lastError ? `; last error: ${s.lastError}` : ""}`);
  return s.state === "failed" ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : `npm run traffic: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
