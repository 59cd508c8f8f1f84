// The one Monitor of this server process (see processSingleton for why).
import { canaryTopic, config } from "@/lib/config";
import { KafkaObserver } from "@/lib/kafka/observe";
import { selectRuntime } from "@/lib/runtime/select";
import { processSingleton } from "@/lib/util/process-singleton";
import { Monitor } from "./monitor";

export function getMonitor(): Promise<Monitor> {
  return processSingleton("monitor", async () => {
    const cfg = config();
    const runtime = await selectRuntime(cfg);
    // Faults made through this dashboard never outlive it (a fault left by the CLI goes too).
    if (runtime.network) process.once("exit", () => runtime.network?.healAllNow());
    const bootstrap = cfg.KAFKA_BROKERS ?? runtime.bootstrap;
    const monitor = new Monitor({
      runtime,
      bootstrap,
      pollIntervalMs: cfg.POLL_INTERVAL_MS,
      source: new KafkaObserver({
        bootstrap,
        timeoutMs: cfg.ADMIN_TIMEOUT_MS,
        metricsEndpoints: runtime.metricsEndpoints,
        metricsIntervalMs: cfg.METRICS_INTERVAL_MS,
        // A foreign cluster (KAFKA_BROKERS set) is not the runtime's: its controllers are learned, not assumed.
        controllerEndpoints: cfg.KAFKA_BROKERS ? undefined : runtime.controllerEndpoints,
        canaryTopic: canaryTopic(cfg),
      }),
    });
    monitor.start();
    return monitor;
  });
}
