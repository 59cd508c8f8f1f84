import { ApiError, handle } from "@/lib/api/errors";
import { getMonitor } from "@/lib/monitor/instance";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = handle(async () => {
  const monitor = await getMonitor();
  await monitor.waitForSnapshot(5000);
  const json = monitor.snapshotJson;
  if (!json) throw new ApiError(503, "starting", "the monitor has not finished its first poll yet");
  return new Response(json, { headers: { "content-type": "application/json", "cache-control": "no-store" } });
});
