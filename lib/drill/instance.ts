// The server's one DrillService, acting through monitor.act so the drill's
// kill and restart appear on the timeline.
import { config } from "@/lib/config";
import { getMonitor } from "@/lib/monitor/instance";
import { processSingleton } from "@/lib/util/process-singleton";
import { DrillService } from "./service";
import { reportsDirOf } from "./store";

export function getDrillService(): Promise<DrillService> {
  return processSingleton("drills", async () => {
    const cfg = config();
    const monitor = await getMonitor();
    return new DrillService({
      runtimeKind: monitor.runtime.kind,
      brokerIds: monitor.runtime.brokerIds,
      bootstrap: cfg.KAFKA_BROKERS ?? monitor.runtime.bootstrap,
      act: (id, action, params) => monitor.act(id, action, params),
      reportsDir: reportsDirOf(cfg.dataDir),
      log: (line) => console.log(line),
    });
  });
}
