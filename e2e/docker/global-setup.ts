// The Docker run's setup: a freshly formatted compose cluster (engine installed
// and started when the machine has none), then the built dashboard serving it
// with RUNTIME=docker. Returns the teardown. When no engine can be had here
// (not root, dockerd will not start) it says so and the specs skip with that reason.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { STREAMSOCIAL_TOPICS } from "@/lib/events/topics";
import { ensureTopics } from "@/lib/kafka/topics";
import { pollUntil } from "@/lib/util/poll";
import { dockerScript, skipReasonOf } from "@/test/docker/scripts";
import { dockerE2eRuntime } from "./cluster";
import { DOCKER_E2E_BASE_URL, DOCKER_E2E_ENV, DOCKER_E2E_PORT, SKIP_ENV } from "./env";

function serve(): ChildProcess {
  const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
  return spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(DOCKER_E2E_PORT)], {
    env: { ...process.env, ...DOCKER_E2E_ENV, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next" },
    stdio: ["ignore", "inherit", "inherit"],
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

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
  // What `npm run cluster -- up` does after the script: the StreamSocial topics.
  const runtime = dockerE2eRuntime();
  try {
    await ensureTopics(runtime.bootstrap, STREAMSOCIAL_TOPICS);
  } finally {
    runtime.close();
  }
  console.log(`[docker e2e] cluster ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // A server already on the port would be tested instead of ours.
  if (await fetch(DOCKER_E2E_BASE_URL).then(() => true, () => false)) {
    throw new Error(`port ${DOCKER_E2E_PORT} is taken: stop whatever serves ${DOCKER_E2E_BASE_URL} first`);
  }
  const server = serve();
  const up = await pollUntil(
    async () => {
      if (server.exitCode !== null) return true; // no point waiting: reported below
      return (await fetch(`${DOCKER_E2E_BASE_URL}/api/cluster`)).ok;
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  if (!up || server.exitCode !== null) {
    await stop(server);
    throw new Error(`the dashboard did not answer on ${DOCKER_E2E_BASE_URL} within 120 s (exit code ${server.exitCode})`);
  }
  return async () => {
    await stop(server);
    const down = await dockerScript("docker-down.sh", ["--volumes"], 180_000);
    if (down.status !== 0) console.warn(`[docker e2e] docker-down.sh failed: ${down.error ?? `exit ${down.status}`}`);
  };
}
