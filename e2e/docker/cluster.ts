// Direct control of the Docker cluster from the test process: putting brokers
// back between tests, through the same DockerRuntime the dashboard uses.
import { parseConfig } from "@/lib/config";
import { dockerRuntimeFromConfig } from "@/lib/runtime/select";
import type { DockerRuntime } from "@/lib/runtime/docker";
import { DOCKER_E2E_ENV } from "./env";

/** The same runtime the dashboard under test builds from its environment. */
export function dockerE2eRuntime(): DockerRuntime {
  return dockerRuntimeFromConfig(parseConfig({ ...process.env, ...DOCKER_E2E_ENV }));
}

/** Thaws paused containers and starts exited ones: three running brokers again. */
export async function restoreDocker(): Promise<void> {
  const runtime = dockerE2eRuntime();
  try {
    for (const p of await runtime.list()) {
      if (p.status === "paused") await runtime.resume(p.id);
      else if (p.status === "exited") await runtime.start(p.id);
    }
  } finally {
    runtime.close();
  }
}
