// The scale suite (e2e/scale): 5 brokers + 3 dedicated KRaft controllers and a
// thousand topics, the dashboard against them, real Chromium. Its webServer
// brings the cluster up; its teardown stops and deletes it.
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";
import { SCALE_BASE_URL } from "./e2e/scale/env";

export default defineConfig({
  ...base,
  testDir: "e2e/scale",
  testIgnore: [],
  globalTeardown: "./e2e/scale/global-teardown.ts",
  use: { ...base.use, baseURL: SCALE_BASE_URL },
  projects: (base.projects ?? []).map((p) => ({ ...p, use: { ...p.use, baseURL: SCALE_BASE_URL } })),
  webServer: {
    command: "npx tsx scripts/e2e-scale-server.ts",
    url: `${SCALE_BASE_URL}/api/cluster`,
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
