// A dashboard reachable beyond loopback (here: ALLOWED_HOSTS names another host,
// so it is exposed while still bound to 127.0.0.1) shows nothing without its
// token: the page asks once, the login sets an HttpOnly SameSite=Strict cookie,
// and the page then fills in and goes live over SSE, which carries the cookie.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startDashboard, type DashboardServer } from "@/test/dashboard-server";
import { e2eConfig, e2eRuntime } from "./cluster";
import { step } from "./fixtures";

const PORT = 3202;
const TOKEN = "e2e-login-token-42";
const url = `http://127.0.0.1:${PORT}`;
let server: DashboardServer | undefined;

test.beforeAll(async () => {
  const dataDir = path.join(e2eConfig().dataDir, "login");
  server = await startDashboard({
    port: PORT,
    env: { RUNTIME: "none", KAFKA_BROKERS: e2eRuntime().bootstrap.join(","), DATA_DIR: dataDir, DASHBOARD_TOKEN: TOKEN, ALLOWED_HOSTS: "dashboard.lab.example" },
    logFile: path.join(dataDir, "dashboard.log"),
    readyHeaders: { authorization: `Bearer ${TOKEN}` },
    timeoutMs: 120_000,
  });
});

test.afterAll(async () => {
  await server?.stop();
});

test("exposed dashboard: the token is asked once, kept as an HttpOnly cookie, and the page goes live", async ({ page, context }, testInfo) => {
  const unauthorised: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 401 && !r.url().endsWith("/api/session")) unauthorised.push(r.url());
  });
  await page.goto(url);
  const dialog = page.getByTestId("login-dialog");
  await expect(dialog).toBeVisible();
  // Behind the dialog, no data: reads were refused, and the page says why (not "server down").
  await expect(page.getByTestId("broker-state-1")).toHaveCount(0);
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-connection", "locked");
  await expect(page.getByText("This dashboard needs its token before it shows the cluster.")).toBeVisible();
  await step(page, testInfo, "1-login-asked");

  await page.getByTestId("login-token").fill("not-the-token-1");
  await page.getByTestId("login-submit").click();
  await expect(dialog).toContainText("That token was refused");

  await page.getByTestId("login-token").fill(TOKEN);
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("login-dialog")).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-connection", "live", { timeout: 30_000 });
  for (const id of [1, 2, 3]) await expect(page.getByTestId(`broker-state-${id}`)).toHaveText("RUNNING", { timeout: 30_000 });
  await step(page, testInfo, "2-logged-in-live");

  const cookie = (await context.cookies(url)).find((c) => c.name === "streamsocial_session");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Strict");
  expect(cookie?.value).not.toContain(TOKEN);
  expect(await page.evaluate(() => document.cookie)).not.toContain("streamsocial_session");
  expect(page.url()).not.toContain(TOKEN);

  // Asked once: a reload goes straight to live data.
  unauthorised.length = 0;
  await page.reload();
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-connection", "live", { timeout: 30_000 });
  await expect(page.getByTestId("login-dialog")).toHaveCount(0);
  expect(unauthorised).toEqual([]);
});
