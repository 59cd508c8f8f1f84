// /api/cluster latency at 100 concurrent clients while the monitor polls at 1 Hz,
// beside two references measured in the same run: a static file (Next serving
// public/) and a dynamic route doing no work (the JSON 404 of /api/[...rest]),
// i.e. what Next's dynamic-route pipeline costs before any of our code runs.
// Each is loaded twice, interleaved, so a noisy neighbour hits all of them.
import autocannon from "autocannon";
import { benchClusterDown, benchClusterUp, benchUrl, startBenchServer } from "./monitor-harness";

const DURATION_S = 10;

async function load(path: string): Promise<autocannon.Result> {
  return autocannon({ url: `${benchUrl}${path}`, connections: 100, duration: DURATION_S, timeout: 10 });
}

function line(name: string, r: autocannon.Result): string {
  return `  ${name.padEnd(20)} p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  ${Math.round(r.requests.average)} req/s  timeouts ${r.timeouts}  other errors ${r.errors - r.timeouts}  non-2xx ${r.non2xx}`;
}

async function main(): Promise<void> {
  await benchClusterUp();
  const server = await startBenchServer();
  try {
    await load("/api/cluster"); // warm-up (JIT, route compile)
    await load("/api/no-such-route");
    const targets = [
      ["/api/cluster", "/api/cluster"],
      ["dynamic no-op", "/api/no-such-route"],
      ["static file", "/robots.txt"],
    ] as const;
    const results: [string, autocannon.Result][] = [];
    for (let round = 1; round <= 2; round++) {
      for (const [name, path] of targets) results.push([`${name} #${round}`, await load(path)]);
    }
    console.log(`\n100 concurrent clients, ${DURATION_S} s each, monitor polling at 1 Hz (the no-op route answers 404 by design)`);
    for (const [name, r] of results) console.log(line(name, r));
    const p50 = (prefix: string) => {
      const v = results.filter(([n]) => n.startsWith(prefix)).map(([, r]) => r.latency.p50);
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    console.log(`  ratio p50 api/dynamic no-op: ${(p50("/api/cluster") / Math.max(p50("dynamic no-op"), 0.01)).toFixed(2)}`);
    console.log(`  ratio p50 api/static: ${(p50("/api/cluster") / Math.max(p50("static file"), 0.01)).toFixed(2)}`);
  } finally {
    await server.stop();
    await benchClusterDown();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
