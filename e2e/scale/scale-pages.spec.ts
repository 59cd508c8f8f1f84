// The pages at scale: a thousand topics page and filter on the server, and the
// overview shows every one of 5 brokers + 3 controllers, usable from the keyboard.
import { expect, test } from "@playwright/test";
import type { TopicPage } from "@/lib/model/topics";
import { tabUntilFocused } from "../keyboard";
import { SCALE_BROKERS, SCALE_TOPICS } from "./env";

test("the topics page with a thousand topics renders a page at a time, filters by name and state, and pages", async ({ page, request }) => {
  const all = (await (await request.get("/api/topics?limit=1")).json()) as TopicPage;
  expect(all.counts.topics).toBeGreaterThanOrEqual(SCALE_TOPICS);
  await page.goto("/topics");
  const count = page.getByTestId("topics-count");
  await expect(count).toContainText(`${all.counts.topics.toLocaleString("en-US")} of ${all.counts.topics.toLocaleString("en-US")} topics`, { timeout: 30_000 });
  const sections = page.locator('details[data-testid^="topic-"]');
  await expect(sections).toHaveCount(50);
  const range = page.getByTestId("topics-pager-range");
  await expect(range).toHaveText(`1–50 of ${all.counts.topics.toLocaleString("en-US")} topics`);
  const firstName = await sections.first().getAttribute("data-testid");
  await page.getByTestId("topics-pager").getByRole("button", { name: /Next/ }).click();
  await expect(range).toHaveText(`51–100 of ${all.counts.topics.toLocaleString("en-US")} topics`);
  await expect(sections).toHaveCount(50);
  expect(await sections.first().getAttribute("data-testid")).not.toBe(firstName);

  await page.getByLabel("Filter topics").fill("scale_topic_099");
  await expect(count).toContainText(`10 of ${all.counts.topics.toLocaleString("en-US")} topics`);
  await expect(sections).toHaveCount(10);
  await expect(page.getByTestId("topics-pager")).toHaveCount(0);
  // Open one: its partitions come a page at a time from the server.
  await page.getByTestId("topic-scale_topic_0995").locator("summary").click();
  await expect(page.getByTestId("partitions-scale_topic_0995").locator("tbody tr")).toHaveCount(2);

  await page.getByLabel("Filter topics").fill("");
  await page.getByTestId("topic-state-filter").selectOption("problems");
  await expect(page.getByTestId("topics-empty")).toHaveText("No topic matches the filter.");
  await page.getByTestId("topic-state-filter").selectOption("ok");
  await expect(count).toContainText(`${all.counts.topics.toLocaleString("en-US")} of`);
});

test("the overview with 5 brokers + 3 controllers renders every card, and a controller's Kill is reachable, confirmable and cancellable with the keyboard", async ({ page }) => {
  await page.goto("/");
  const cards = page.locator('[data-testid^="broker-card-"]');
  await expect(cards).toHaveCount(SCALE_BROKERS + 3, { timeout: 30_000 });
  for (const id of [1, 2, 3, 4, 5, 101, 102, 103]) await expect(page.getByTestId(`broker-state-${id}`)).toHaveText("RUNNING", { timeout: 30_000 });
  expect(await tabUntilFocused(page, page.getByTestId("action-kill-103"), 200)).toBe(true);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Kill controller 103?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("confirm-cancel")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("broker-state-103")).toHaveText("RUNNING");
  // Every card fits the laptop viewport's width: the compact grid, four a row.
  const widths = await cards.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
  for (const right of widths) expect(right).toBeLessThanOrEqual(1280);
});
