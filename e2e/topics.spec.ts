// With a broker down every RF-3 partition loses a replica: the Topics page must
// show those rows highlighted, problems first, and clear them once it heals.
import { expect, expectNoReload, markNoReload, step, test } from "./fixtures";

test("under-replicated partitions are highlighted while a broker is down, then heal", async ({ page }, testInfo) => {
  await page.goto("/topics");
  const urpRows = page.locator('tr[data-under-replicated="true"]');
  await expect(page.getByTestId("topic-user_action")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("topic-user_action")).toHaveAttribute("data-trouble", "false");
  await expect(urpRows).toHaveCount(0);
  await expect(page.getByTestId("consumer-groups")).toBeVisible();
  await markNoReload(page);
  await step(page, testInfo, "1-topics-healthy");

  // Same-origin API request, as the page's own button would make.
  const victim = 3;
  const kill = await page.request.post(`/api/brokers/${victim}/kill`, { data: {} });
  expect(kill.status()).toBe(200);

  await expect(page.getByTestId("topic-user_action")).toHaveAttribute("data-trouble", "true", { timeout: 60_000 });
  await expect.poll(() => urpRows.count(), { timeout: 60_000 }).toBeGreaterThan(0);
  const row = urpRows.first();
  await expect(row).toHaveAttribute("data-status", /under-replicated|under-min-isr/);
  await expect(row).toContainText("under-replicated");
  await expect(row).toHaveClass(/bg-amber/);
  // The dead broker is in no ISR of a problem row.
  const isr = await row.locator("td").nth(2).textContent();
  expect(isr?.split(", ").map(Number)).not.toContain(victim);
  await step(page, testInfo, "2-under-replicated");

  const start = await page.request.post(`/api/brokers/${victim}/start`, { data: {} });
  expect(start.status()).toBe(200);
  await expect(urpRows).toHaveCount(0, { timeout: 180_000 });
  await expect(page.getByTestId("topic-user_action")).toHaveAttribute("data-trouble", "false");
  await step(page, testInfo, "3-healed");
  await expectNoReload(page);
});
