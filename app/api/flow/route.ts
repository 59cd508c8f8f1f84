import { ApiError, handle } from "@/lib/api/errors";
import { getTrafficService } from "@/lib/traffic/instance";
import { flowQuery } from "@/lib/validations/flow";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The current (or last) run's status, stage figures and chart points. */
export const GET = handle(async (req: Request) => {
  const query = flowQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) throw new ApiError(422, "invalid_input", query.error.issues.map((i) => i.message).join("; "));
  const traffic = await getTrafficService();
  return Response.json(traffic.flow(query.data.history), { headers: { "cache-control": "no-store" } });
});
