import { ApiError, handle } from "@/lib/api/errors";
import type { TopicPage } from "@/lib/model/topics";
import { getMonitor } from "@/lib/monitor/instance";
import { queryObject, topicsQuery } from "@/lib/validations/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A page of topics (trouble first, then by name), filtered by name and state; partitions are on /api/topics/partitions. */
export const GET = handle(async (req: Request) => {
  const query = topicsQuery.parse(queryObject(req.url, ["q", "state", "offset", "limit"]));
  const monitor = await getMonitor();
  const snapshot = await monitor.waitForSnapshot(5000);
  if (!snapshot) throw new ApiError(503, "starting", "the monitor has not finished its first poll yet");
  const index = monitor.topicIndex;
  const { items, ...page } = index.topics(query);
  const body: TopicPage = { at: snapshot.at, reachable: snapshot.reachable, counts: index.counts, ...page, topics: items, groups: snapshot.groups };
  return Response.json(body, { headers: { "cache-control": "no-store" } });
});
