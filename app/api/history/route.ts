import { handle } from "@/lib/api/errors";
import { getMonitor } from "@/lib/monitor/instance";
import { historyQuery, queryObject } from "@/lib/validations/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = handle(async (req: Request) => {
  const { minutes } = historyQuery.parse(queryObject(req.url, ["minutes"]));
  const points = (await getMonitor()).history(Date.now() - minutes * 60_000);
  return Response.json({ minutes, points }, { headers: { "cache-control": "no-store" } });
});
