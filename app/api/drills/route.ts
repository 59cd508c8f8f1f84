import { config } from "@/lib/config";
import { handle } from "@/lib/api/errors";
import { readJsonBody } from "@/lib/api/body";
import { assertMutationAllowed } from "@/lib/api/guard";
import { getDrillService } from "@/lib/drill/instance";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const noStore = { "cache-control": "no-store" };

export const GET = handle(async () => Response.json((await getDrillService()).list(), { headers: noStore }));

export const POST = handle(async (req: Request) => {
  assertMutationAllowed(req, config().DASHBOARD_TOKEN);
  const body = await readJsonBody(req, 'the body must be JSON drill parameters, e.g. {"rate":10000,"durationSec":60}', {});
  const drill = (await getDrillService()).start(body);
  return Response.json({ drill }, { status: 202, headers: noStore });
});
