import { config } from "@/lib/config";
import { ApiError, handle } from "@/lib/api/errors";
import { assertMutationAllowed } from "@/lib/api/guard";
import { getDrillService } from "@/lib/drill/instance";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const noStore = { "cache-control": "no-store" };

export const GET = handle(async () => Response.json((await getDrillService()).list(), { headers: noStore }));

export const POST = handle(async (req: Request) => {
  assertMutationAllowed(req, config().DASHBOARD_TOKEN);
  const text = await req.text();
  let body: unknown = {};
  if (text.trim() !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(422, "invalid_json", "the body must be JSON drill parameters, e.g. {\"rate\":10000,\"durationSec\":60}");
    }
  }
  const drill = (await getDrillService()).start(body);
  return Response.json({ drill }, { status: 202, headers: noStore });
});
