// A rolling restart run from the Drill page: the steps appear in the live view as
// each broker is restarted in turn, and the report lists each with its timings.
import { expect, test } from "./fixtures";

test("run rolling-restart from the page: steps live, then the report's per-step table", async ({ page }) => {
  test.setTimeout(420_000);
  await page.goto("/drill");
  const form = page.getByRole("form", { name: "Drill parameters" });
  await form.getByLabel("Scenario").selectOption("rolling-restart");
  // Only what the scenario takes is offered.
  await expect(form.getByLabel("How to break it")).toHaveCount(0);
  await expect(form.getByLabel(/^Restart at/)).toHaveCount(0);
  await form.getByLabel("Rate (events/s)").fill("500");
  await form.getByLabel("Duration (s)").fill("300");
  await form.getByLabel("First restart at (s)").fill("5");
  await form.getByRole("button", { name: "Run drill" }).click();

  const live = page.getByTestId("drill-live");
  await expect(live).toContainText("Rolling restart");
  const steps = live.getByTestId("drill-live-step");
  await expect(steps).toHaveCount(3, { timeout: 60_000 });
  // The first is under way or done before the others start: one at a time.
  await expect(steps.first()).toContainText(/under way|waiting for ISR|done/, { timeout: 60_000 });
  await expect(steps.nth(2)).toContainText("to come");
  await expect(steps.nth(1)).toContainText(/done|waiting for ISR|under way/, { timeout: 180_000 });

  const report = page.getByTestId("drill-report");
  await expect(report).toBeVisible({ timeout: 360_000 });
  await expect(report).toContainText("Rolling restart report");
  const rows = report.getByTestId("drill-step");
  await expect(rows).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(rows.nth(i)).toContainText(/restart broker \d/);
  await expect(report.getByRole("list", { name: "Success criteria" })).toContainText("✓ PASS every broker restarted once, in turn");
  await expect(report.getByRole("list", { name: "Success criteria" })).toContainText("✓ PASS zero data loss");
});
