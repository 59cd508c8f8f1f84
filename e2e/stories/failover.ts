// The failover story, as an operator lives it: kill the busiest broker from the
// page, watch the cluster degrade, restart it, watch it heal, all without a reload.
// Told against the local cluster (e2e/failover.spec.ts) and the Docker one
// (e2e/docker/failover.docker.spec.ts): the page must not care which runs the brokers.
import type { Page, TestInfo } from "@playwright/test";
import { expect, expectNoReload, markNoReload, step } from "../fixtures";

export async function failoverStory(page: Page, testInfo: TestInfo): Promise<void> {
  await page.goto("/");
  const banner = page.getByTestId("health-banner");
  const cards = page.locator('[data-testid^="broker-card-"]');
  await expect(banner).toHaveAttribute("data-health", "HEALTHY", { timeout: 30_000 });
  await expect(cards).toHaveCount(3);
  for (const card of await cards.all()) await expect(card).toHaveAttribute("data-state", "RUNNING");
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-connection", "live");
  await markNoReload(page);

  const leaders = await cards.evaluateAll((els) =>
    els.map((e) => ({ id: Number(e.getAttribute("data-testid")?.replace("broker-card-", "")), leaders: Number(e.getAttribute("data-leaders")) })),
  );
  const victim = leaders.reduce((a, b) => (b.leaders > a.leaders ? b : a)).id;
  expect(leaders.find((l) => l.id === victim)?.leaders).toBeGreaterThan(0);
  await step(page, testInfo, "1-healthy");

  // Kill asks first, in an accessible dialog.
  await page.getByTestId(`action-kill-${victim}`).click();
  const dialog = page.getByRole("dialog", { name: `Kill broker ${victim}?` });
  await expect(dialog).toBeVisible();
  await step(page, testInfo, "2-confirm-kill");
  await dialog.getByTestId("confirm-action").click();
  await expect(dialog).toBeHidden();

  const state = page.getByTestId(`broker-state-${victim}`);
  await expect(state).toHaveText("SHUTDOWN", { timeout: 15_000 });
  await expect(banner).not.toHaveAttribute("data-health", "HEALTHY", { timeout: 30_000 });
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toContainText(`operator: kill broker ${victim}`);
  // A dead broker cannot be killed again: the button says why.
  await expect(page.getByTestId(`action-kill-${victim}`)).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByTestId(`action-kill-${victim}`)).toHaveAttribute("title", /not running/);
  // Wait for the controller to shrink the ISRs, so the recovery has a duration to report.
  await expect.poll(async () => Number(await page.getByTestId("figure-urp").textContent()), { timeout: 60_000 }).toBeGreaterThan(0);
  await step(page, testInfo, "3-killed-degraded");

  await page.getByTestId(`action-restart-${victim}`).click();
  await page.getByRole("dialog", { name: `Restart broker ${victim}?` }).getByTestId("confirm-action").click();
  await expect(timeline).toContainText(`operator: restart broker ${victim}`, { timeout: 60_000 });
  await expect(state).toHaveText("RUNNING", { timeout: 180_000 });
  await expect(banner).toHaveAttribute("data-health", "HEALTHY", { timeout: 180_000 });
  await expect(timeline).toContainText(/recovered in \d+(\.\d)? s|recovered in \d+ min/, { timeout: 30_000 });
  await expect(timeline.getByTestId("recovery-duration").first()).toBeVisible();
  await step(page, testInfo, "4-recovered");
  await expectNoReload(page);
}
