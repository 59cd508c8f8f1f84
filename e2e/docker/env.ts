// The Playwright run against the Docker cluster: the test suites' compose
// cluster (project streamsocial-test, ports 21092-21094) and a dashboard on
// 127.0.0.1:3300 that runs it through the Docker runtime.
import { DOCKER_TEST_ENV } from "@/test/docker/env";

export const DOCKER_E2E_PORT = 3300;
export const DOCKER_E2E_BASE_URL = `http://127.0.0.1:${DOCKER_E2E_PORT}`;

export const DOCKER_E2E_ENV: Record<string, string> = {
  ...DOCKER_TEST_ENV,
  RUNTIME: "docker",
  DATA_DIR: ".data/docker-e2e",
  HOST: "127.0.0.1",
  PORT: String(DOCKER_E2E_PORT),
};

/** Set by the global setup when no engine can be had here; the specs skip with it. */
export const SKIP_ENV = "STREAMSOCIAL_DOCKER_E2E_SKIP";
