// The whole cluster goes away: the page must keep showing what it knew (greyed,
// with when it was seen) under an UNREACHABLE banner, and come back by itself.
import { clusterUp, killAll } from "./cluster";
import { expect, expectNoReload, markNoReload, step, test } from "./fixtures";

test("all brokers down: UNREACHABLE with the last known state, then live again without a reload", async ({ page }, testInfo) => {
  await page.goto("/");
  const banner = page.getByTestId("health-banner");
  await expect(banner).toHaveAttribute("data-health", "HEALTHY", { timeout: 30_000 });
  await expect(page.getByTestId("stale-notice")).toHaveCount(0);
  const partitionsBefore = await page.getByTestId("figure-partitions").textContent();
  await markNoReload(page);

  try {
    expect((await killAll()).sort()).toEqual([1, 2, 3]);
    await expect(banner).toHaveAttribute("data-health", "UNREACHABLE", { timeout: 30_000 });
    const notice = page.getByTestId("stale-notice");
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(/Seen at \d\d:\d\d:\d\d/);
    // The figures are the last ones Kafka gave, greyed, not zeros.
    await expect(page.getByTestId("figure-partitions")).toHaveText(partitionsBefore ?? "");
    await expect(page.locator('[data-stale="true"]').first()).toBeVisible();
    for (const id of [1, 2, 3]) await expect(page.getByTestId(`broker-state-${id}`)).toHaveText("SHUTDOWN");
    // The dashboard server itself is fine: the stream stays live.
    await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-connection", "live");
    await step(page, testInfo, "1-unreachable");
  } finally {
    await clusterUp();
  }

  await expect(banner).toHaveAttribute("data-health", "HEALTHY", { timeout: 180_000 });
  await expect(page.getByTestId("stale-notice")).toHaveCount(0);
  await expect(page.locator('[data-stale="true"]')).toHaveCount(0);
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-connection", "live");
  await step(page, testInfo, "2-back");
  await expectNoReload(page);
});
