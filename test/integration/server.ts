// The dashboard's real Next.js server, started against the integration cluster
// (production build; built here when missing).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pollUntil } from "@/lib/util/poll";
import { INTEGRATION_ENV } from "./env";

export const TEST_TOKEN = "integration-token-123";
export const baseUrl = () => `http://127.0.0.1:${INTEGRATION_ENV.PORT}`;

export function ensureBuild(): void {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  if (fs.existsSync(path.join(dist, "BUILD_ID"))) return;
  const r = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("next build failed");
}

export async function startServer(): Promise<ChildProcess> {
  ensureBuild();
  // A server left over from an interrupted run would answer in our place with stale state.
  const stale = await fetch(`${baseUrl()}/api/cluster`, { signal: AbortSignal.timeout(2000) }).then(
    () => true,
    () => false,
  );
  if (stale) throw new Error(`something already listens on ${baseUrl()}: stop it (a dashboard left from an earlier run?)`);
  const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", INTEGRATION_ENV.PORT ?? "3101"], {
    env: { ...process.env, ...INTEGRATION_ENV, DASHBOARD_TOKEN: TEST_TOKEN },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  // Kept on disk: when a test fails, the server's own words are the first thing to read.
  const logFile = path.join(INTEGRATION_ENV.DATA_DIR ?? ".data/test-cluster", "dashboard.log");
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.createWriteStream(logFile);
  let log = "";
  const capture = (d: Buffer) => {
    out.write(d);
    log = (log + d.toString()).slice(-5000);
  };
  child.stdout?.on("data", capture);
  child.stderr?.on("data", capture);
  const up = await pollUntil(async () => (await fetch(`${baseUrl()}/api/cluster`)).status === 200, {
    timeoutMs: 60_000,
    intervalMs: 250,
  });
  if (!up) {
    stopServer(child);
    throw new Error(`dashboard server did not come up:\n${log.slice(-3000)}`);
  }
  return child;
}

export function stopServer(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGTERM"); // the whole group: npx and next
  } catch {
    // already gone
  }
}
