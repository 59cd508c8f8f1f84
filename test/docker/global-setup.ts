// Brings the Docker cluster up once for the docker suite (installing and
// starting an engine when the machine has none) and takes it down at the end.
// Skips the suite, loudly, only when it cannot have an engine here: not root
// (exit 3) or dockerd will not start (exit 4). Any other failure fails the run.
import type { TestProject } from "vitest/node";
import { dockerScript, skipReasonOf } from "./scripts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Why the docker suite cannot run here; null when the cluster is up. */
    dockerSkipReason: string | null;
  }
}

let started = false;

export async function setup(project: TestProject): Promise<void> {
  const t0 = Date.now();
  // --fresh: a newly formatted cluster every run, so no state leaks between runs.
  const r = await dockerScript("docker-setup.sh", ["--fresh"], 540_000);
  const skip = skipReasonOf(r.status);
  if (skip) {
    console.warn(`\n[docker suite] SKIPPED: ${skip} (docker-setup.sh exit ${r.status})\n`);
    project.provide("dockerSkipReason", skip);
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
  const r = await dockerScript("docker-down.sh", ["--volumes"], 180_000);
  if (r.status !== 0) console.warn(`[docker suite] docker-down.sh failed: ${r.error ?? `exit ${r.status}`}`);
}
