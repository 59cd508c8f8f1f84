// Serves the already-built dashboard in the foreground (Playwright's webServer):
// next's own entry point, not npx, so a signal sent to us reaches the server
// itself, and our exit code is the server's.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export function distDir(): string {
  return process.env.NEXT_DIST_DIR || ".next";
}

/** Exits 1 with how to build when `distDir()` holds no build. */
export function requireBuild(who: string): void {
  if (fs.existsSync(path.join(distDir(), "BUILD_ID"))) return;
  console.error(`${who}: no build in ${distDir()}: run NEXT_DIST_DIR=${distDir()} npx next build first`);
  process.exit(1);
}

export function serveBuilt(port: number, env: Record<string, string>): void {
  const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir() },
    stdio: "inherit",
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}
