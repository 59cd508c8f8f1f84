import { ApiError, handle } from "@/lib/api/errors";
import { getMonitor } from "@/lib/monitor/instance";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = handle(async () => {
  const monitor = await getMonitor();
  const snapshot = await monitor.waitForSnapshot(5000);
  if (!snapshot) throw new ApiError(503, "starting", "the monitor has not finished its first poll yet");
  return Response.json(
    { at: snapshot.at, reachable: snapshot.reachable, topics: snapshot.topics, partitions: monitor.partitions, groups: snapshot.groups },
    { headers: { "cache-control": "no-store" } },
  );
});
