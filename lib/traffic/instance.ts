// The server's one TrafficService.
import { config } from "@/lib/config";
import { getMonitor } from "@/lib/monitor/instance";
import { processSingleton } from "@/lib/util/process-singleton";
import { TrafficService } from "./service";

export function getTrafficService(): Promise<TrafficService> {
  return processSingleton("traffic", async () => {
    const monitor = await getMonitor();
    return new TrafficService(config().KAFKA_BROKERS ?? monitor.runtime.bootstrap);
  });
}
