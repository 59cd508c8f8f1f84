// No serious or critical axe violations on the pages, and the broker controls
// work from the keyboard alone.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { tabUntilFocused } from "./keyboard";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
}

test("overview has no serious or critical axe violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("health-banner")).toHaveAttribute("data-health", "HEALTHY", { timeout: 30_000 });
  await expect(page.getByTestId("chart-risk").locator("svg").first()).toBeVisible({ timeout: 30_000 });
  expect(await seriousViolations(page)).toEqual([]);
});

test("topics has no serious or critical axe violations", async ({ page }) => {
  await page.goto("/topics");
  await expect(page.getByTestId("topic-user_action")).toBeVisible({ timeout: 30_000 });
  await page.getByTestId("topic-user_action").locator("summary").click();
  await expect(page.getByTestId("partitions-user_action")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a destructive action is reachable, confirmable and cancellable with the keyboard", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("broker-card-1")).toHaveAttribute("data-state", "RUNNING", { timeout: 30_000 });
  // Tab from the top of the page until the first Kill button has focus (bounded).
  expect(await tabUntilFocused(page, page.getByTestId("action-kill-1"), 60)).toBe(true);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Kill broker 1?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("confirm-cancel")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("broker-card-1")).toHaveAttribute("data-state", "RUNNING");
  // A button that makes no sense now is still focusable and says why.
  await expect(page.getByTestId("action-resume-1")).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByTestId("action-resume-1")).toHaveAccessibleDescription(/not paused/);
});
