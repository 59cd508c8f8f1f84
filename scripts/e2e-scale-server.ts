// The scale suite's webServer: a fresh 5-broker + 3-controller cluster with a
// thousand topics (e2e/scale/env.ts), then the already-built dashboard against it.
import { scaleClusterUp } from "@/e2e/scale/cluster";
import { SCALE_ENV, SCALE_PORT } from "@/e2e/scale/env";
import { requireBuild, serveBuilt } from "./serve-built";

async function main(): Promise<void> {
  requireBuild("e2e-scale-server");
  await scaleClusterUp((line) => console.log(`[scale-cluster] ${line}`));
  serveBuilt(SCALE_PORT, SCALE_ENV);
}

main().catch((err: unknown) => {
  console.error("e2e-scale-server:", err instanceof Error ? err.message : err);
  process.exit(1);
});
