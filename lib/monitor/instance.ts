// The one Monitor of this server process. Kept on globalThis so Next's module
// reloading (dev) and separate route bundles share it instead of polling twice.
import { config } from "@/lib/config";
import { KafkaObserver } from "@/lib/kafka/observe";
import { selectRuntime } from "@/lib/runtime/select";
import { Monitor } from "./monitor";

const KEY = Symbol.for("streamsocial.monitor");
type Holder = { [KEY]?: Promise<Monitor> };

export function getMonitor(): Promise<Monitor> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const cfg = config();
    const runtime = await selectRuntime(cfg);
    const bootstrap = cfg.KAFKA_BROKERS ?? runtime.bootstrap;
    const monitor = new Monitor({
      runtime,
      bootstrap,
      pollIntervalMs: cfg.POLL_INTERVAL_MS,
      source: new KafkaObserver({ bootstrap, timeoutMs: cfg.ADMIN_TIMEOUT_MS, metricsEndpoints: runtime.metricsEndpoints }),
    });
    monitor.start();
    return monitor;
  })();
  return holder[KEY];
}
