// /api/cluster latency at 100 concurrent clients while the monitor polls at 1 Hz,
// beside a reference measured in the same run: the same load on a static file
// (Next serving public/), i.e. what the HTTP stack itself costs.
import autocannon from "autocannon";
import { benchClusterDown, benchClusterUp, benchUrl, startBenchServer, stopBenchServer } from "./monitor-harness";

const DURATION_S = 10;

async function load(path: string): Promise<autocannon.Result> {
  return autocannon({ url: `${benchUrl}${path}`, connections: 100, duration: DURATION_S, timeout: 10 });
}

function line(name: string, r: autocannon.Result): string {
  return `  ${name.padEnd(16)} p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  ${Math.round(r.requests.average)} req/s  errors ${r.errors + r.non2xx}`;
}

async function main(): Promise<void> {
  await benchClusterUp();
  const server = await startBenchServer();
  try {
    await load("/api/cluster"); // warm-up (JIT, route compile)
    const api = await load("/api/cluster");
    const ref = await load("/robots.txt");
    console.log(`\n/api/cluster at 100 concurrent clients for ${DURATION_S} s (monitor polling at 1 Hz)`);
    console.log(line("/api/cluster", api));
    console.log(line("static reference", ref));
    console.log(`  ratio p50 api/static: ${(api.latency.p50 / Math.max(ref.latency.p50, 0.01)).toFixed(2)}`);
  } finally {
    stopBenchServer(server);
    await benchClusterDown();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
