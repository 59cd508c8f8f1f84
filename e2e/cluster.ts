// Direct control of the e2e cluster from the test process (setup, teardown, and
// breaking the whole cluster at once, which the UI offers no button for).
import { parseConfig, type Config } from "@/lib/config";
import { localClusterUp, localRuntimeFromConfig } from "@/lib/runtime/local-cluster";
import type { LocalRuntime } from "@/lib/runtime/local";
import { E2E_ENV } from "./env";

export function e2eConfig(): Config {
  return parseConfig({ ...process.env, ...E2E_ENV });
}

export function e2eRuntime(): LocalRuntime {
  return localRuntimeFromConfig(e2eConfig());
}

/** Starts whatever is not running and waits until every broker is registered (idempotent). */
export async function clusterUp(log: (line: string) => void = () => {}): Promise<void> {
  await localClusterUp(e2eConfig(), log);
}

/** SIGKILLs every live broker of the e2e cluster; returns the ids killed. */
export async function killAll(): Promise<number[]> {
  const runtime = e2eRuntime();
  const alive = (await runtime.list()).filter((p) => p.status === "running" || p.status === "paused");
  await Promise.all(alive.map((p) => runtime.kill(p.id)));
  runtime.close();
  return alive.map((p) => p.id);
}

/** Thaws paused brokers and starts stopped ones: back to three running brokers. */
export async function restoreAll(log: (line: string) => void = () => {}): Promise<void> {
  const runtime = e2eRuntime();
  for (const p of await runtime.list()) if (p.status === "paused") await runtime.resume(p.id);
  runtime.close();
  await clusterUp(log);
}
