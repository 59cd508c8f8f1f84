// Brings the integration cluster up once for every file and down at the end
// (teardown runs on failure too). Storage is wiped first so each run starts
// from a freshly formatted cluster.
import fs from "node:fs";
import { parseConfig } from "@/lib/config";
import { localClusterUp, localRuntimeFromConfig } from "@/lib/runtime/local-cluster";
import { INTEGRATION_ENV } from "./env";
import type { DashboardServer } from "../dashboard-server";
import { startServer } from "./server";

let server: DashboardServer | undefined;

function testConfig() {
  return parseConfig({ ...process.env, ...INTEGRATION_ENV });
}

async function killAll(): Promise<void> {
  const runtime = localRuntimeFromConfig(testConfig());
  for (const p of await runtime.list()) {
    if (p.status === "running" || p.status === "paused") await runtime.kill(p.id);
  }
}

export async function setup(): Promise<void> {
  const cfg = testConfig();
  await killAll(); // leftovers of an interrupted run
  fs.rmSync(`${cfg.dataDir}/local`, { recursive: true, force: true });
  const r = await localClusterUp(cfg, (l) => console.log(`[cluster] ${l}`));
  console.log(`[cluster] test cluster up in ${(r.registeredInMs / 1000).toFixed(1)} s`);
  server = await startServer();
}

export async function teardown(): Promise<void> {
  await server?.stop();
  await killAll();
}
