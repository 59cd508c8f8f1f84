// The Event flow page in real Chromium against the real e2e cluster: reached
// from the Drill page, traffic started from the keyboard, the state machine's
// figures move, the live feed fills, and the UI-update latency the page measures
// is reported back to the server — checked against the test's own timing of
// the same feed items (a MutationObserver in the page).
import AxeBuilder from "@axe-core/playwright";
import type { FlowResponse } from "@/lib/model/traffic";
import { expect, step, test } from "./fixtures";

async function flowOf(request: import("@playwright/test").APIRequestContext): Promise<FlowResponse> {
  const res = await request.get("/api/flow?history=0", { timeout: 10_000 });
  expect(res.ok()).toBe(true);
  return (await res.json()) as FlowResponse;
}

const total = async (page: import("@playwright/test").Page, id: string) => Number(await page.getByTestId(id).getAttribute("data-total"));

test("the event flow draws the state machine live, shows the feed, and reports the UI-update latency", async ({ page, request }, testInfo) => {
  await page.goto("/drill");
  await page.getByRole("main").getByRole("link", { name: "Event flow" }).click();
  await expect(page).toHaveURL(/\/flow$/);
  await expect(page.getByRole("heading", { name: "Event flow", level: 1 })).toBeVisible();
  await expect(page.getByTestId("live-feed")).toHaveAttribute("data-connection", "live", { timeout: 15_000 });

  // The test's own clock on the feed: when each live item enters the DOM, minus its event's creation.
  await page.evaluate(`(() => {
    window.__seen = [];
    new MutationObserver((records) => {
      const now = Date.now();
      for (const r of records) for (const n of r.addedNodes) {
        if (n.nodeType === 1 && n.matches('[data-testid="feed-item"][data-live="true"]')) window.__seen.push(now - Number(n.getAttribute("data-created-at")));
      }
    }).observe(document.body, { subtree: true, childList: true });
  })()`);

  await page.getByTestId("flow-rate").fill("300");
  await page.getByTestId("flow-duration").fill("40");
  await page.getByTestId("flow-failure").fill("2");
  // Started from the keyboard: focus the button and press Enter.
  await page.getByTestId("flow-start").focus();
  await page.keyboard.press("Enter");
  // Polled through the API too, so a run that fails to start says why in the test's output.
  await expect
    .poll(async () => {
      const run = (await flowOf(request)).run;
      return run?.state === "failed" ? `failed: ${run.lastError}` : run?.state;
    }, { timeout: 90_000 })
    .toBe("running");
  await expect(page.getByTestId("flow-run-state")).toHaveAttribute("data-state", "running", { timeout: 15_000 });

  const diagram = page.getByRole("img", { name: "Event flow" });
  await expect(diagram).toBeVisible();
  await expect.poll(() => total(page, "stage-published"), { timeout: 30_000 }).toBeGreaterThan(300);
  const first = await total(page, "stage-published");
  await expect.poll(() => total(page, "stage-published"), { timeout: 15_000 }).toBeGreaterThan(first + 300);
  await expect(page.getByTestId("stage-handler-feed")).not.toHaveAttribute("data-handled", "0");
  // 2 % of attempts fail: the error path lights up.
  await expect(page.getByTestId("stage-error")).toHaveAttribute("data-idle", "false", { timeout: 30_000 });
  await expect(page.getByTestId("stage-retry")).toHaveAttribute("data-idle", "false", { timeout: 30_000 });

  await expect.poll(() => page.locator('[data-testid="feed-item"][data-live="true"]').count(), { timeout: 30_000 }).toBeGreaterThan(3);
  await expect(page.getByTestId("feed-item").first()).toContainText(/user-\d+/);

  // Reported back: the server's UI stage counts this page's samples.
  await expect.poll(async () => (await flowOf(request)).flow?.ui.total ?? 0, { timeout: 30_000 }).toBeGreaterThan(20);
  await expect(page.getByTestId("stage-ui")).not.toHaveAttribute("data-measured", "0", { timeout: 10_000 });
  const ui = (await flowOf(request)).flow!.ui.latencyRun;
  const own = ((await page.evaluate("window.__seen")) as number[]).sort((a, b) => a - b);
  expect(own.length).toBeGreaterThan(20);
  const ownMedian = own[Math.floor(own.length / 2)]!;
  const said = `server p50 ${ui.p50} ms, p99 ${ui.p99} ms (n=${ui.count}); the test's own median ${ownMedian} ms (n=${own.length})`;
  testInfo.annotations.push({ type: "ui-latency", description: said });
  console.log(`[flow e2e] UI update: ${said}`);
  expect(ui.p50).not.toBeNull();
  expect(ui.p50!).toBeGreaterThan(0);
  // Both time the same items, the page at the frame that paints them, the test at DOM insertion.
  expect(Math.abs(ui.p50! - ownMedian)).toBeLessThan(Math.max(150, ownMedian * 0.5));
  await step(page, testInfo, "flow-running");

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await page.getByTestId("flow-stop").click();
  await expect(page.getByTestId("flow-run-state")).toHaveAttribute("data-state", "stopped", { timeout: 60_000 });
  const end = (await flowOf(request)).run!;
  expect(end.stoppedReason).toBe("operator");
  expect(end.produced).toBe(end.created);
});
