// Brings the Docker cluster up once for the docker suite (installing and
// starting an engine when the machine has none) and takes it down at the end.
// Skips the suite, loudly, only when it cannot have an engine here: not root
// (exit 3) or dockerd will not start (exit 4). Any other failure fails the run.
import { spawn } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { parseConfig } from "@/lib/config";

declare module "vitest" {
  export interface ProvidedContext {
    /** Why the docker suite cannot run here; null when the cluster is up. */
    dockerSkipReason: string | null;
  }
}

const EXIT_NEEDS_ROOT = 3;
const EXIT_NO_ENGINE = 4;

let started = false;

/**
 * Runs one of our scripts with its output shown. Asynchronous on purpose: a
 * blocking spawnSync would stall vitest's main loop (worker shutdown included).
 */
function script(name: string, args: string[], timeoutMs: number): Promise<{ status: number | null; error?: string }> {
  const cfg = parseConfig(process.env);
  const child = spawn("bash", [path.join(cfg.ROOT, "scripts", name), "-p", cfg.COMPOSE_PROJECT, ...args], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DOCKER_SOCKET: cfg.DOCKER_SOCKET },
    detached: true, // its own process group, so a timeout ends compose and docker too
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
    }, timeoutMs);
    child.once("error", (e) => {
      clearTimeout(timer);
      resolve({ status: null, error: e.message });
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ status: code, error: signal ? `killed by ${signal} (timeout ${timeoutMs / 1000} s?)` : undefined });
    });
  });
}

export async function setup(project: TestProject): Promise<void> {
  const t0 = Date.now();
  // --fresh: a newly formatted cluster every run, so no state leaks between runs.
  const r = await script("docker-setup.sh", ["--fresh"], 540_000);
  if (r.status === EXIT_NEEDS_ROOT || r.status === EXIT_NO_ENGINE) {
    const reason =
      r.status === EXIT_NEEDS_ROOT
        ? "not root: cannot install or start a Docker engine here"
        : "the Docker engine cannot be started on this machine";
    console.warn(`\n[docker suite] SKIPPED: ${reason} (docker-setup.sh exit ${r.status})\n`);
    project.provide("dockerSkipReason", reason);
    return;
  }
  if (r.status !== 0) {
    throw new Error(`scripts/docker-setup.sh failed (${r.error ?? `exit ${r.status}`})`);
  }
  started = true;
  console.log(`[docker suite] cluster ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  project.provide("dockerSkipReason", null);
}

export async function teardown(): Promise<void> {
  if (!started) return;
  const r = await script("docker-down.sh", ["--volumes"], 180_000);
  if (r.status !== 0) console.warn(`[docker suite] docker-down.sh failed: ${r.error ?? `exit ${r.status}`}`);
}
