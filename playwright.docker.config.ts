// The Playwright run against the Docker cluster (e2e/docker): real Chromium, the
// real compose cluster on a real engine, the dashboard on the Docker runtime.
// Its global setup brings the cluster up and serves the dashboard; no webServer,
// so a machine that cannot have an engine skips with the reason instead of failing.
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";
import { DOCKER_E2E_BASE_URL } from "./e2e/docker/env";

export default defineConfig({
  ...base,
  testDir: "e2e/docker",
  testIgnore: [],
  globalSetup: "./e2e/docker/global-setup.ts",
  globalTeardown: undefined,
  webServer: undefined,
  use: { ...base.use, baseURL: DOCKER_E2E_BASE_URL },
  projects: (base.projects ?? []).map((p) => ({ ...p, use: { ...p.use, baseURL: DOCKER_E2E_BASE_URL } })),
});
