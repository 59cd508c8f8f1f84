// The token login: POST {token} sets the HttpOnly session cookie the browser then
// sends with every read, the live stream and actions; DELETE forgets it; GET says
// whether a token is needed and whether this browser has it.
import { z } from "zod";
import { isExposed } from "@/lib/api/access";
import { readJsonBody } from "@/lib/api/body";
import { ApiError, handle } from "@/lib/api/errors";
import { assertSameOrigin } from "@/lib/api/guard";
import { checkToken, clearedSessionCookie, sessionCookie, tokensEqual } from "@/lib/api/session";
import { config } from "@/lib/config";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const noStore = { "cache-control": "no-store" };
const loginBody = z.object({ token: z.string().min(1).max(512) }).strict();

export const GET = handle(async (req: Request) => {
  const cfg = config();
  const token = cfg.DASHBOARD_TOKEN;
  return Response.json(
    {
      /** Reads need the token (the dashboard is reachable beyond loopback). */
      readsNeedToken: isExposed(cfg),
      /** Actions need the token. */
      actionsNeedToken: token !== undefined,
      authenticated: token !== undefined && checkToken(req.headers, token) === "ok",
    },
    { headers: noStore },
  );
});

export const POST = handle(async (req: Request) => {
  assertSameOrigin(req);
  const token = config().DASHBOARD_TOKEN;
  if (token === undefined) throw new ApiError(409, "no_token", "this dashboard has no DASHBOARD_TOKEN: nothing to log in to");
  const { token: given } = loginBody.parse(await readJsonBody(req, 'the body must be JSON: {"token":"…"}'));
  if (!tokensEqual(given, token)) throw new ApiError(401, "token_invalid", "wrong dashboard token");
  return new Response(null, { status: 204, headers: { ...noStore, "set-cookie": sessionCookie(token) } });
});

export const DELETE = handle(async (req: Request) => {
  assertSameOrigin(req);
  return new Response(null, { status: 204, headers: { ...noStore, "set-cookie": clearedSessionCookie } });
});
