import { handle } from "@/lib/api/errors";
import { getMonitor } from "@/lib/monitor/instance";
import { queryObject, timelineQuery } from "@/lib/validations/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = handle(async (req: Request) => {
  const { since, limit } = timelineQuery.parse(queryObject(req.url, ["since", "limit"]));
  const entries = (await getMonitor()).timeline(since, limit);
  return Response.json({ entries }, { headers: { "cache-control": "no-store" } });
});
