import { config } from "@/lib/config";
import { ApiError, handle } from "@/lib/api/errors";
import { readJsonBody } from "@/lib/api/body";
import { assertMutationAllowed } from "@/lib/api/guard";
import { getMonitor } from "@/lib/monitor/instance";
import { parseTrafficAction, TRAFFIC_GROUPS } from "@/lib/traffic/params";
import { getTrafficService } from "@/lib/traffic/instance";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const noStore = { "cache-control": "no-store" };

/** The run's own status plus the monitor's committed-offset lag of the three groups. */
async function body() {
  const [traffic, monitor] = await Promise.all([getTrafficService(), getMonitor()]);
  const groups = (monitor.snapshot?.groups ?? []).filter((g) => (TRAFFIC_GROUPS as readonly string[]).includes(g.groupId));
  return { traffic: traffic.status(), lag: groups.map((g) => ({ groupId: g.groupId, state: g.state, members: g.members, totalLag: g.totalLag })) };
}

export const GET = handle(async () => Response.json(await body(), { headers: noStore }));

export const POST = handle(async (req: Request) => {
  assertMutationAllowed(req, config().DASHBOARD_TOKEN);
  const input = await readJsonBody(req, 'the body must be JSON: {"action":"start","rate":200}, {"action":"set","failureRate":0.01} or {"action":"stop"}');
  const parsed = parseTrafficAction(input);
  if (!parsed.ok) throw new ApiError(422, "invalid_input", parsed.error);
  const traffic = await getTrafficService();
  const action = parsed.value;
  if (action.action === "start") await traffic.start(action.params);
  else if (action.action === "set") traffic.adjust(action.adjust);
  else traffic.stop();
  return Response.json(await body(), { status: action.action === "start" ? 201 : 200, headers: noStore });
});
