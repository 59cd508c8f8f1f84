import path from "node:path";
import { defineConfig } from "vitest/config";
import { INTEGRATION_ENV } from "./test/integration/env.ts";
import { DOCKER_TEST_ENV } from "./test/docker/env.ts";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "test/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/integration/**/*.int.test.ts"],
          environment: "node",
          env: INTEGRATION_ENV,
          globalSetup: ["test/integration/global-setup.ts"],
          // One real cluster is shared: files must not kill brokers under each other.
          fileParallelism: false,
          // Generous: a restarted JVM needs 10-40 s to re-register on a loaded 2-core machine.
          testTimeout: 420_000,
          hookTimeout: 420_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "docker",
          include: ["test/docker/**/*.docker.test.ts"],
          environment: "node",
          env: DOCKER_TEST_ENV,
          globalSetup: ["test/docker/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
