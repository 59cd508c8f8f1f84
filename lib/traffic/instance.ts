// The server's one TrafficService, on globalThis like the monitor.
import { config } from "@/lib/config";
import { getMonitor } from "@/lib/monitor/instance";
import { TrafficService } from "./service";

const KEY = Symbol.for("streamsocial.traffic");
type Holder = { [KEY]?: Promise<TrafficService> };

export function getTrafficService(): Promise<TrafficService> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const monitor = await getMonitor();
    return new TrafficService(config().KAFKA_BROKERS ?? monitor.runtime.bootstrap);
  })();
  return holder[KEY];
}
