import { ApiError, handle } from "@/lib/api/errors";
import type { PartitionPage } from "@/lib/model/topics";
import { getMonitor } from "@/lib/monitor/instance";
import { partitionsQuery, queryObject } from "@/lib/validations/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A page of partitions, worst first (offline, under min ISR, under-replicated), then by topic and partition. */
export const GET = handle(async (req: Request) => {
  const query = partitionsQuery.parse(queryObject(req.url, ["topic", "state", "offset", "limit"]));
  const monitor = await getMonitor();
  const snapshot = await monitor.waitForSnapshot(5000);
  if (!snapshot) throw new ApiError(503, "starting", "the monitor has not finished its first poll yet");
  const { items, ...page } = monitor.topicIndex.partitions(query);
  const body: PartitionPage = { at: snapshot.at, reachable: snapshot.reachable, ...page, partitions: items };
  return Response.json(body, { headers: { "cache-control": "no-store" } });
});
