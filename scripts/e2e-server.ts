// Playwright's webServer: brings up the dedicated e2e cluster (.data/e2e-cluster,
// ports 20092..20500), then serves the already-built dashboard against it on
// 127.0.0.1:3200. NEXT_DIST_DIR picks the build (the suite uses .next-e2e).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { E2E_ENV, E2E_PORT } from "@/e2e/env";
import { clusterUp } from "@/e2e/cluster";

const distDir = process.env.NEXT_DIST_DIR || ".next";

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    console.error(`e2e-server: no build in ${distDir}: run NEXT_DIST_DIR=${distDir} npx next build first`);
    process.exit(1);
  }
  const t0 = Date.now();
  await clusterUp((line) => console.log(`[e2e-cluster] ${line}`));
  console.log(`[e2e-cluster] up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // next's own entry point, not npx: a signal sent to us then reaches the server itself.
  const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(E2E_PORT)], {
    env: { ...process.env, ...E2E_ENV, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir },
    stdio: "inherit",
  });
  // The brokers are detached and stay up; the global teardown stops them.
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err: unknown) => {
  console.error("e2e-server:", err instanceof Error ? err.message : err);
  process.exit(1);
});
