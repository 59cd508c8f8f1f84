// The event flow against the lesson's targets, at 1,000 and 10,000 events/s
// (30 s each): creation, publish p50/p99, handler p99 per handler, end-to-end
// p99, UI update p50/p99 measured in Chromium (the Event flow page open the
// whole time, reporting its own timings), error rate. Reference measured in the
// same run: acks=all sends of one record, one at a time, on the idle cluster
// (to the drill's scratch topic, which no handler reads).
// Own cluster (.data/flow-bench, ports 23592..24000) and server (3511); both
// stopped at the end. Needs a build: NEXT_DIST_DIR=.next-flow npx next build.
// Usage: NEXT_DIST_DIR=.next-flow npm run bench:flow [-- 1000,10000 [seconds]]
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "@/e2e/chromium";
import { parseConfig } from "@/lib/config";
import { DRILL_TOPIC } from "@/lib/events/topics";
import { kafkaClient } from "@/lib/kafka/client";
import { fmtMs, fmtPct, table } from "@/lib/flow/report-table";
import { LESSON_TARGETS as T } from "@/lib/flow/targets";
import type { FlowFigures } from "@/lib/model/flow";
import type { FlowResponse, TrafficStatus } from "@/lib/model/traffic";
import { localClusterUp, localRuntimeFromConfig } from "@/lib/runtime/local-cluster";
import { pollUntil } from "@/lib/util/poll";
import { startDashboard } from "@/test/dashboard-server";
import { percentile } from "./monitor-harness";

const ENV: Record<string, string> = { DATA_DIR: ".data/flow-bench", LOCAL_PORT_BASE: "23592", RUNTIME: "local", LOCAL_HEAP_MB: "768", PORT: "3511" };
const URL = `http://127.0.0.1:${ENV.PORT}`;
const RATES = (process.argv[2] ?? "1000,10000").split(",").map(Number).filter((n) => n > 0 && n <= 20_000);
const SECONDS = Math.min(300, Math.max(5, Number(process.argv[3] ?? 30) || 30));

async function reference(bootstrap: readonly string[]): Promise<{ p50: number; p99: number }> {
  const producer = kafkaClient({ bootstrap, clientId: "bench-flow-ref", timeoutMs: 5000 }).producer({ idempotent: true });
  await producer.connect();
  const ms: number[] = [];
  try {
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      // The drill's scratch topic: a record here is nobody's event (the handlers would count it as poison).
      await producer.send({ topic: DRILL_TOPIC, acks: -1, messages: [{ key: `ref-${i}`, value: JSON.stringify({ id: `ref-${i}` }) }] });
      ms.push(performance.now() - t0);
    }
  } finally {
    await producer.disconnect();
  }
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

async function flow(): Promise<FlowResponse> {
  const res = await fetch(`${URL}/api/flow?history=0`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`/api/flow: HTTP ${res.status}`);
  return (await res.json()) as FlowResponse;
}

async function runAt(rate: number): Promise<{ run: TrafficStatus; f: FlowFigures }> {
  const res = await fetch(`${URL}/api/traffic`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ action: "start", rate, durationSec: SECONDS }),
    signal: AbortSignal.timeout(120_000),
  });
  if (res.status !== 201) throw new Error(`start at ${rate}/s: HTTP ${res.status} ${await res.text()}`);
  console.log(`[bench] ${rate}/s for ${SECONDS} s…`);
  const stopped = await pollUntil(async () => (await flow()).run?.state === "stopped", { timeoutMs: (SECONDS + 180) * 1000, intervalMs: 1000 });
  if (!stopped) throw new Error(`the ${rate}/s run did not stop within ${SECONDS + 180} s`);
  await new Promise((r) => setTimeout(r, 2500)); // the page's last UI report
  const { run, flow: f } = await flow();
  return { run: run!, f: f! };
}

async function main(): Promise<void> {
  const cfg = parseConfig({ ...process.env, ...ENV });
  const up = await localClusterUp(cfg, (l) => console.log(`[cluster] ${l}`));
  console.log(`[cluster] up in ${(up.registeredInMs / 1000).toFixed(1)} s`);
  const runtime = localRuntimeFromConfig(cfg);
  const server = await startDashboard({ port: Number(ENV.PORT), env: ENV, logFile: ".data/flow-bench/dashboard.log" });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const ref = await reference(runtime.bootstrap);
    console.log(`[bench] reference: one acks=all record at a time, p50 ${fmtMs(ref.p50)}, p99 ${fmtMs(ref.p99)}`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${URL}/flow`);
    await page.getByTestId("live-feed").waitFor();
    const results: { rate: number; run: TrafficStatus; f: FlowFigures }[] = [];
    for (const rate of RATES) results.push({ rate, ...(await runAt(rate)) });
    print(results, ref);
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    for (const p of await runtime.list()) if (p.status === "running" || p.status === "paused") await runtime.kill(p.id);
    runtime.close();
  }
}

function print(results: { rate: number; run: TrafficStatus; f: FlowFigures }[], ref: { p50: number; p99: number }): void {
  const x = (v: number | null, target: number) => (v === null ? "" : ` (${(v / target).toFixed(v / target < 0.1 ? 3 : 1)}×)`);
  const lat = (v: number | null, target: number) => `${fmtMs(v)}${x(v, target)}`;
  const rows: string[][] = [
    ["events/s acknowledged", `≥ ${T.eventsPerSec}`, ...results.map((r) => `${Math.round(r.run.produced / SECONDS).toLocaleString("en-US")} (${r.run.skipped} skipped)`)],
    ["creation p50 / p99", `< ${T.creationMs} ms`, ...results.map((r) => `${fmtMs(r.f.created.latencyRun.p50)} / ${lat(r.f.created.latencyRun.p99, T.creationMs)}`)],
    ["publish p50 / p99 (send → ack)", `< ${T.publishMs} ms`, ...results.map((r) => `${fmtMs(r.f.published.latencyRun.p50)} / ${lat(r.f.published.latencyRun.p99, T.publishMs)}`)],
    ["  publish p50 ÷ reference p50", "", ...results.map((r) => `${((r.f.published.latencyRun.p50 ?? NaN) / ref.p50).toFixed(1)}×`)],
    ...["feed", "notification", "analytics"].map((h) => [
      `handler p99: ${h}`,
      `< ${T.handlerMs} ms`,
      ...results.map((r) => lat(r.f.handlers.find((x) => x.handler === h)!.processingRun.p99, T.handlerMs)),
    ]),
    ["end-to-end p99 (created → handled, worst handler)", "", ...results.map((r) => fmtMs(Math.max(...r.f.handlers.map((h) => h.endToEndRun.p99 ?? 0))))],
    ["UI update p50 / p99 (Chromium)", `< ${T.uiMs} ms`, ...results.map((r) => `${fmtMs(r.f.ui.latencyRun.p50)} / ${lat(r.f.ui.latencyRun.p99, T.uiMs)} (n=${r.f.ui.total})`)],
    ["error rate (failed attempts)", `< ${T.errorRate * 100} %`, ...results.map((r) => fmtPct(r.f.targets.find((t) => t.id === "errorRate")!.value))],
  ];
  console.log(`\nEvent flow, ${SECONDS} s per rate; (n×) = measured ÷ target; reference acks=all single send p50 ${fmtMs(ref.p50)}, p99 ${fmtMs(ref.p99)}\n`);
  console.log(table(["figure", "lesson target", ...results.map((r) => `${r.rate.toLocaleString("en-US")}/s`)], rows));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
