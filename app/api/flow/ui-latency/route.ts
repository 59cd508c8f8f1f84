import { config } from "@/lib/config";
import { ApiError, handle } from "@/lib/api/errors";
import { readJsonBody } from "@/lib/api/body";
import { assertMutationAllowed } from "@/lib/api/guard";
import { getTrafficService } from "@/lib/traffic/instance";
import { uiLatencyBody } from "@/lib/validations/flow";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A browser reports the UI-update latency (event created → rendered) of the feed items it painted. */
export const POST = handle(async (req: Request) => {
  assertMutationAllowed(req, config().DASHBOARD_TOKEN);
  const input = await readJsonBody(req, 'the body must be JSON: {"samples":[12.5, 40.1]} (milliseconds)');
  const parsed = uiLatencyBody.safeParse(input);
  if (!parsed.success) throw new ApiError(422, "invalid_input", parsed.error.issues.map((i) => i.message).join("; "));
  const recorded = (await getTrafficService()).recordUi(parsed.data.samples);
  return Response.json({ recorded }, { headers: { "cache-control": "no-store" } });
});
