// Reports people can keep: two real report files (the drill's own
// buildDrillReport output) in the e2e dashboard's reports folder; the list shows
// them, ticking two and pressing Compare shows them side by side, the print view
// renders one (and hides the navigation on paper), its Markdown link downloads a
// file with the criteria, and the export API refuses what it must.
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { reportsDirOf, writeReport } from "@/lib/drill/store";
import { T0, drillReportFixture } from "@/test/fixtures/reports";
import { e2eConfig } from "./cluster";
import { step } from "./fixtures";

const dir = reportsDirOf(e2eConfig().dataDir);
// A: a 6.5 s stall (fails the 50 % degradation), with a hostile note; B: a 3 s stall, a day later.
const a = drillReportFixture({ startedAt: T0, notes: ["<img src=x onerror=\"window.__pwned=1\"> | kept"] });
const b = drillReportFixture({ startedAt: T0 + 86_400_000, stallUntilSec: 13 });

test.beforeAll(() => {
  for (const r of [a, b]) writeReport(dir, r);
});
test.afterAll(() => {
  for (const r of [a, b]) fs.rmSync(`${dir}/${r.id}.json`, { force: true });
});

async function serious(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`);
}

test("past drills: tick two and compare them, print one, download its Markdown", async ({ page }, testInfo) => {
  await page.goto("/drill");
  const rowA = page.getByTestId(`report-row-${a.id}`);
  const rowB = page.getByTestId(`report-row-${b.id}`);
  await expect(rowA).toBeVisible({ timeout: 20_000 });
  await expect(rowB).toBeVisible();
  await expect(page.getByRole("button", { name: "Compare the two ticked" })).toHaveAttribute("aria-disabled", "true");

  await rowB.getByRole("checkbox", { name: /^Compare the report of/ }).check();
  await rowA.getByRole("checkbox", { name: /^Compare the report of/ }).check();
  await step(page, testInfo, "1-two-ticked");
  await page.getByRole("link", { name: "Compare the two ticked" }).click();

  // The older report is A.
  await expect(page).toHaveURL(new RegExp(`/drill/compare\\?a=${a.id}&b=${b.id}$`));
  await expect(page.getByTestId("compare-a")).toContainText(a.id);
  await expect(page.getByTestId("compare-b")).toContainText(b.id);
  const recovery = page.locator('tr[data-figure="recovery"]');
  await expect(recovery.locator('[data-side="a"]')).toHaveText("7.4 s");
  await expect(recovery.locator('[data-side="b"]')).toHaveText("3.9 s");
  await expect(recovery.locator('[data-side="diff"]')).toHaveText("−3.5 s better");
  await expect(page.locator('tr[data-figure="degradation"] [data-side="diff"]')).toHaveText("−35.0 points better");
  await expect(page.locator('tr[data-figure="kafkaPart"] [data-side="a"]')).toHaveText("6.1 s");
  // One above the other on the same time axis: the same ticks under both.
  const ticks = async (side: string) => {
    const texts = page.getByTestId(`compare-throughput-${side}`).locator("svg text");
    await expect(texts.filter({ hasText: /^00:00:\d\d$/ }).first()).toBeVisible();
    return (await texts.allTextContents()).filter((t) => /^00:00:\d\d$/.test(t));
  };
  const axisA = await ticks("a");
  expect(axisA.length).toBeGreaterThan(2);
  expect(await ticks("b")).toEqual(axisA);
  expect(await serious(page)).toEqual([]);
  await step(page, testInfo, "2-compared");

  await page.getByRole("link", { name: "Print view of report A" }).click();
  await expect(page).toHaveURL(new RegExp(`/drill/reports/${a.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Black Friday drill ${a.id}: FAILED`);
  const criteria = page.getByRole("region", { name: "Criteria" });
  await expect(criteria.getByRole("row", { name: /FAIL throughput degradation 65 %/ })).toBeVisible();
  // Both charts are SVG images the browser decoded: a malformed SVG would have no size.
  const charts = page.getByTestId("report-document").locator("figure img");
  await expect(charts).toHaveCount(2);
  for (const img of await charts.all()) await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(720);
  await expect(page.getByText('<img src=x onerror="window.__pwned=1"> | kept')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await serious(page)).toEqual([]);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByTestId("report-document")).toBeVisible();
  await step(page, testInfo, "3-print-media");
  await page.emulateMedia({ media: "screen" });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: `Download report ${a.id} as Markdown` }).click()]);
  expect(download.suggestedFilename()).toBe(`${a.id}.md`);
  const md = fs.readFileSync(await download.path(), "utf8");
  expect(md).toContain(`# Black Friday drill ${a.id}: FAILED`);
  expect(md).toContain("| PASS | zero data loss | 0 records | must be 0 |");
  expect(md).toContain("| FAIL | throughput degradation | 65 % | must be &lt; 50 % |");
  expect(md).toContain("&lt;img src=x onerror=\"window.\\_\\_pwned=1\"&gt; \\| kept");
});

test("the export API: Markdown and JSON files, and clear refusals", async ({ request }) => {
  const md = await request.get(`/api/drills/${a.id}/export?format=md`);
  expect(md.status()).toBe(200);
  expect(md.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  expect(md.headers()["content-disposition"]).toBe(`attachment; filename="${a.id}.md"`);
  const json = await request.get(`/api/drills/${b.id}/export?format=json`);
  expect(json.headers()["content-disposition"]).toBe(`attachment; filename="${b.id}.json"`);
  expect(((await json.json()) as { id: string }).id).toBe(b.id);

  const refusals: [string, number, string][] = [
    [`/api/drills/${a.id}/export?format=pdf`, 422, "format must be md (Markdown) or json"],
    [`/api/drills/not-a-report/export`, 422, "not a report id"],
    [`/api/drills/${a.id}/export?format=md&format=json`, 422, "given more than once"],
    [`/api/drills/drill-20000101T000000000Z/export`, 404, "no drill report drill-20000101T000000000Z"],
  ];
  for (const [url, status, words] of refusals) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.message, url).toContain(words);
  }
});
