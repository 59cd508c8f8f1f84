import { config } from "@/lib/config";
import { ApiError, handle } from "@/lib/api/errors";
import { assertMutationAllowed } from "@/lib/api/guard";
import { getDrillService } from "@/lib/drill/instance";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Ctx = { params: Promise<{ id: string }> };
const noStore = { "cache-control": "no-store" };

export const GET = handle(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return Response.json((await getDrillService()).get(id), { headers: noStore });
});

/** DELETE /api/drills/current cancels the running drill. */
export const DELETE = handle(async (req: Request, ctx: Ctx) => {
  assertMutationAllowed(req, config().DASHBOARD_TOKEN);
  const { id } = await ctx.params;
  if (id !== "current") throw new ApiError(405, "method_not_allowed", "only the running drill can be cancelled: DELETE /api/drills/current");
  const drill = (await getDrillService()).cancel();
  return Response.json({ drill }, { status: 202, headers: noStore });
});
