import { config } from "@/lib/config";
import { ApiError, handle } from "@/lib/api/errors";
import { assertMutationAllowed } from "@/lib/api/guard";
import { getMonitor } from "@/lib/monitor/instance";
import { readJsonBody } from "@/lib/api/body";
import { brokerActionParams, slowBody } from "@/lib/validations/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Ctx = { params: Promise<{ id: string; action: string }> };

export const POST = handle(async (req: Request, ctx: Ctx) => {
  assertMutationAllowed(req, config().DASHBOARD_TOKEN);
  const { id, action } = brokerActionParams.parse(await ctx.params);
  // Only slow takes parameters; read them before anything is touched.
  const slow = action === "slow" ? slowBody.parse(await readJsonBody(req, 'slow needs a JSON body: {"delayMs": 200, "jitterMs": 0}')) : undefined;
  const monitor = await getMonitor();
  if (monitor.runtime.kind === "none") {
    throw new ApiError(409, "read_only", "read-only: RUNTIME=none, this dashboard does not run the brokers");
  }
  if (!monitor.runtime.brokerIds.includes(id)) {
    throw new ApiError(404, "unknown_broker", `no broker ${id} in this cluster's runtime`);
  }
  const broker = await monitor.act(id, action, slow ? { slow } : {});
  return Response.json({ broker }, { headers: { "cache-control": "no-store" } });
});

const notAllowed = handle(async () => {
  throw new ApiError(405, "method_not_allowed", "broker actions are POST only");
});
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
