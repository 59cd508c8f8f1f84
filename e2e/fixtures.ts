// Every test starts from a HEALTHY cluster: brokers a previous test (or a reused
// server's teardown) left down are started again, then we wait for the monitor.
// Screenshots and no-reload marks are shared by the local and the Docker runs.
import { test as base, expect, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import type { ClusterSnapshot } from "@/lib/model/cluster";
import { restoreAll } from "./cluster";

export async function snapshotOf(request: APIRequestContext): Promise<ClusterSnapshot | null> {
  const res = await request.get("/api/cluster", { timeout: 10_000 }).catch(() => null);
  return res?.ok() ? ((await res.json()) as ClusterSnapshot) : null;
}

export async function waitHealthy(request: APIRequestContext, timeout = 180_000): Promise<void> {
  await expect
    .poll(async () => (await snapshotOf(request))?.health ?? "no answer", { timeout, intervals: [500, 1000] })
    .toBe("HEALTHY");
}

/** A screenshot kept with the test's results and attached to its report. */
export async function step(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** Marks the window so a test can prove the page was never reloaded. */
export async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __noReload?: boolean }).__noReload = true));
}

export async function expectNoReload(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
}

/**
 * A test whose every run starts from a HEALTHY cluster: when the dashboard does
 * not say so, `restore` brings the brokers back, then we wait for the monitor.
 */
export function withHealthyCluster(restore: () => Promise<void>) {
  return base.extend<{ healthyCluster: void }>({
    healthyCluster: [
      async ({ request }, use) => {
        const snap = await snapshotOf(request);
        if (!snap || snap.health !== "HEALTHY") {
          if (!snap || snap.brokers.some((b) => b.runtime?.status !== "running")) await restore();
          await waitHealthy(request);
        }
        await use();
      },
      { auto: true, timeout: 240_000 },
    ],
  });
}

export const test = withHealthyCluster(() => restoreAll());

export { expect };
