// The scale suite's webServer: a fresh 5-broker + 3-controller cluster with a
// thousand topics (e2e/scale/env.ts), then the already-built dashboard against it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { scaleClusterUp } from "@/e2e/scale/cluster";
import { SCALE_ENV, SCALE_PORT } from "@/e2e/scale/env";

const distDir = process.env.NEXT_DIST_DIR || ".next";

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    console.error(`e2e-scale-server: no build in ${distDir}: run npx next build first`);
    process.exit(1);
  }
  await scaleClusterUp((line) => console.log(`[scale-cluster] ${line}`));
  const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(SCALE_PORT)], {
    env: { ...process.env, ...SCALE_ENV, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir },
    stdio: "inherit",
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err: unknown) => {
  console.error("e2e-scale-server:", err instanceof Error ? err.message : err);
  process.exit(1);
});
