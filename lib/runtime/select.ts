// RUNTIME=auto|docker|local|none → one BrokerRuntime. auto: Docker when its
// socket answers and this cluster's containers exist, else local processes.
import type { Config } from "@/lib/config";
import { DockerRuntime } from "./docker";
import { localLayoutFromConfig, localRuntimeFromConfig } from "./local-cluster";
import { NoRuntime } from "./none";
import type { BrokerRuntime } from "./types";

export function dockerRuntimeFromConfig(cfg: Config): DockerRuntime {
  return new DockerRuntime({ socketPath: cfg.DOCKER_SOCKET, project: cfg.COMPOSE_PROJECT, portBase: cfg.DOCKER_PORT_BASE });
}

export async function selectRuntime(cfg: Config): Promise<BrokerRuntime> {
  switch (cfg.RUNTIME) {
    case "none":
      return new NoRuntime(cfg.KAFKA_BROKERS ?? localLayoutFromConfig(cfg).bootstrap);
    case "local":
      return localRuntimeFromConfig(cfg);
    case "docker":
      return dockerRuntimeFromConfig(cfg);
    case "auto": {
      // available() is ok only when the engine answers AND our containers exist.
      const docker = dockerRuntimeFromConfig(cfg);
      const found = await docker.available().catch(() => ({ ok: false as const, reason: "unreachable" }));
      if (found.ok) return docker;
      docker.close();
      return localRuntimeFromConfig(cfg);
    }
  }
}
