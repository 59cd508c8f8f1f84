import { ApiError, handle } from "@/lib/api/errors";
import { getMonitor } from "@/lib/monitor/instance";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = handle(async () => {
  const snapshot = await (await getMonitor()).waitForSnapshot(5000);
  if (!snapshot) throw new ApiError(503, "starting", "the monitor has not finished its first poll yet");
  return Response.json(snapshot, { headers: { "cache-control": "no-store" } });
});
