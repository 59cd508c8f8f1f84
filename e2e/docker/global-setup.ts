// The Docker run's setup: a freshly formatted compose cluster (engine installed
// and started when the machine has none), then the built dashboard serving it
// with RUNTIME=docker. Returns the teardown. When no engine can be had here
// (not root, dockerd will not start) it says so and the specs skip with that reason.
import { canaryTopic, parseConfig } from "@/lib/config";
import { ensureClusterTopics } from "@/lib/kafka/topics";
import { startDashboard } from "@/test/dashboard-server";
import { dockerScript, skipReasonOf } from "@/test/docker/scripts";
import { dockerE2eRuntime } from "./cluster";
import { DOCKER_E2E_ENV, DOCKER_E2E_PORT, SKIP_ENV } from "./env";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const t0 = Date.now();
  const r = await dockerScript("docker-setup.sh", ["--fresh"], 540_000);
  const skip = skipReasonOf(r.status);
  if (skip) {
    console.warn(`\n[docker e2e] SKIPPED: ${skip} (docker-setup.sh exit ${r.status})\n`);
    process.env[SKIP_ENV] = skip;
    return async () => {};
  }
  if (r.status !== 0) throw new Error(`scripts/docker-setup.sh failed (${r.error ?? `exit ${r.status}`})`);
  // What `npm run cluster -- up` does after the script: the StreamSocial topics and the canary's.
  const runtime = dockerE2eRuntime();
  try {
    await ensureClusterTopics(runtime.bootstrap, runtime.brokerIds, canaryTopic(parseConfig({ ...process.env, ...DOCKER_E2E_ENV })));
  } finally {
    runtime.close();
  }
  console.log(`[docker e2e] cluster ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const server = await startDashboard({ port: DOCKER_E2E_PORT, env: DOCKER_E2E_ENV, echo: true, timeoutMs: 120_000 });
  return async () => {
    await server.stop();
    const down = await dockerScript("docker-down.sh", ["--volumes"], 180_000);
    if (down.status !== 0) console.warn(`[docker e2e] docker-down.sh failed: ${down.error ?? `exit ${down.status}`}`);
  };
}
