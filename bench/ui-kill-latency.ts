// Click on Kill (confirmed) → the broker's card says SHUTDOWN, measured inside
// the browser (performance.now() at the confirm click, a MutationObserver on the
// card), 5 runs against the e2e dashboard. Starts scripts/e2e-server.ts when
// nothing answers on 127.0.0.1:3200 (and stops it after).
// Usage: NEXT_DIST_DIR=.next-e2e npx tsx bench/ui-kill-latency.ts [runs]
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import type { ClusterSnapshot } from "@/lib/model/cluster";
import { pollUntil } from "@/lib/util/poll";
import { killAll } from "@/e2e/cluster";
import { chromiumLaunchOptions } from "@/e2e/chromium";
import { E2E_BASE_URL } from "@/e2e/env";

const RUNS = Math.min(20, Math.max(1, Number(process.argv[2] ?? 5) || 5));

async function snapshot(): Promise<ClusterSnapshot | null> {
  try {
    const res = await fetch(`${E2E_BASE_URL}/api/cluster`, { signal: AbortSignal.timeout(5000) });
    return res.ok ? ((await res.json()) as ClusterSnapshot) : null;
  } catch {
    return null;
  }
}

async function ensureServer(): Promise<ChildProcess | null> {
  if (await snapshot()) return null;
  console.log("starting the e2e server (cluster + dashboard)…");
  const child = spawn("npx", ["tsx", "scripts/e2e-server.ts"], { stdio: "inherit", detached: true });
  if (!(await pollUntil(async () => (await snapshot()) !== null, { timeoutMs: 300_000, intervalMs: 1000 }))) {
    throw new Error("the e2e server did not come up within 300 s");
  }
  return child;
}

async function waitHealthy(): Promise<void> {
  const ok = await pollUntil(async () => (await snapshot())?.health === "HEALTHY", { timeoutMs: 240_000, intervalMs: 500 });
  if (!ok) throw new Error("cluster not HEALTHY within 240 s");
}

/** Milliseconds from the confirm click to the card's SHUTDOWN, timed in the page. */
async function timeKill(page: Page, id: number): Promise<{ cardMs: number; postMs: number }> {
  await page.getByTestId(`action-kill-${id}`).click();
  await page.getByTestId("confirm-action").waitFor({ state: "visible" });
  // A string, not a function: tsx would wrap a function with helpers the page does not have.
  await page.evaluate(`(() => {
    window.__killMs = new Promise((resolve) => {
      let t0;
      document.querySelector('[data-testid="confirm-action"]').addEventListener("click", () => (t0 = performance.now()), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        const el = document.querySelector('[data-testid="broker-state-${id}"]');
        if (t0 !== undefined && el && el.textContent === "SHUTDOWN") {
          observer.disconnect();
          resolve(performance.now() - t0);
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  })()`);
  const response = page.waitForResponse((r) => r.url().endsWith(`/api/brokers/${id}/kill`), { timeout: 60_000 });
  const t0 = Date.now();
  await page.getByTestId("confirm-action").click();
  const cardMs = await page.evaluate<number>("window.__killMs");
  // The card turns before the POST answers (the runtime watch is faster than the
  // action's own bookkeeping); the next action must wait for that answer.
  const res = await response;
  if (!res.ok()) throw new Error(`kill broker ${id}: HTTP ${res.status()}`);
  return { cardMs, postMs: Date.now() - t0 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const server = await ensureServer();
  const browser = await chromium.launch(chromiumLaunchOptions);
  const results: { run: number; broker: number; ms: number; postMs: number }[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(E2E_BASE_URL);
    for (let run = 1; run <= RUNS; run++) {
      await waitHealthy();
      await page.getByTestId("health-banner").and(page.locator('[data-health="HEALTHY"]')).waitFor({ timeout: 60_000 });
      const snap = await snapshot();
      const victim = [...(snap?.brokers ?? [])].sort((a, b) => b.leaderCount - a.leaderCount)[0]?.id ?? 1;
      const { cardMs: ms, postMs } = await timeKill(page, victim);
      results.push({ run, broker: victim, ms, postMs });
      console.log(`run ${run}: kill broker ${victim} → SHUTDOWN on the card in ${ms.toFixed(0)} ms (POST answered after ~${postMs} ms)`);
      const res = await fetch(`${E2E_BASE_URL}/api/brokers/${victim}/start`, { method: "POST", headers: { "content-type": "application/json" } });
      if (!res.ok) throw new Error(`start broker ${victim}: HTTP ${res.status} ${await res.text()}`);
    }
    await waitHealthy();
  } finally {
    await browser.close();
    // We brought the e2e server (and its brokers) up, so we take them down.
    if (server?.pid) {
      process.kill(-server.pid, "SIGTERM");
      await killAll();
    }
  }
  const ms = results.map((r) => r.ms);
  console.log(`\nclick Kill (confirm) → card SHUTDOWN, ${ms.length} runs: median ${median(ms).toFixed(0)} ms, ` +
    `min ${Math.min(...ms).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms; ` +
    `kill POST answered: median ${median(results.map((r) => r.postMs)).toFixed(0)} ms`);
  const out = path.join("bench", "results", `ui-kill-latency-${Date.now()}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), runs: results, medianMs: median(ms) }, null, 2));
  console.log(`written ${out}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
