// Playwright's webServer: brings up the dedicated e2e cluster (.data/e2e-cluster,
// ports 20092..20500), then serves the already-built dashboard against it on
// 127.0.0.1:3200. NEXT_DIST_DIR picks the build (default .next, which `npm test` builds first).
// The brokers are detached and stay up; the global teardown stops them.
import { E2E_ENV, E2E_PORT } from "@/e2e/env";
import { clusterUp } from "@/e2e/cluster";
import { requireBuild, serveBuilt } from "./serve-built";

async function main(): Promise<void> {
  requireBuild("e2e-server");
  const t0 = Date.now();
  await clusterUp((line) => console.log(`[e2e-cluster] ${line}`));
  console.log(`[e2e-cluster] up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  serveBuilt(E2E_PORT, E2E_ENV);
}

main().catch((err: unknown) => {
  console.error("e2e-server:", err instanceof Error ? err.message : err);
  process.exit(1);
});
