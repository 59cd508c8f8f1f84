// End-to-end suite: real Chromium against the real dashboard and its own real
// 3-broker cluster (scripts/e2e-server.ts). Nothing is mocked.
import { defineConfig, devices, type ReporterDescription } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/chromium";
import { E2E_BASE_URL } from "./e2e/env";

const ci = ["1", "true"].includes((process.env.CI ?? "").toLowerCase());
const jsonOutput = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME;

const reporter: ReporterDescription[] = [["list"]];
if (jsonOutput) reporter.push(["json", { outputFile: jsonOutput }]);

export default defineConfig({
  testDir: "e2e",
  // The Docker run has its own config (playwright.docker.config.ts).
  testIgnore: ["docker/**", "scale/**"],
  // Brokers take tens of seconds to come back on a busy 2-core machine.
  timeout: 300_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  reporter,
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL: E2E_BASE_URL,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    viewport: { width: 1280, height: 800 },
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions: chromiumLaunchOptions } }],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${E2E_BASE_URL}/api/cluster`,
    reuseExistingServer: !ci,
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
