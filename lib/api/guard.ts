// Mutations: same-origin only, and carrying DASHBOARD_TOKEN when it is set.
import { timingSafeEqual } from "node:crypto";
import { ApiError } from "./errors";

/**
 * A browser always sends Origin on a cross-site POST; it must name this host.
 * Sec-Fetch-Site, when sent, must say same-origin. A client that sends neither
 * (curl, the CLI) is not a browser and cannot be a CSRF vector; the token, when
 * set, still applies to it.
 */
export function assertSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  const host = req.headers.get("host");
  if (origin !== null) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new ApiError(403, "cross_origin", `refused: malformed Origin ${JSON.stringify(origin.slice(0, 100))}`);
    }
    if (!host || originHost !== host) {
      throw new ApiError(403, "cross_origin", `refused: request from ${origin.slice(0, 100)} is not same-origin`);
    }
  }
  const site = req.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") {
    throw new ApiError(403, "cross_origin", `refused: cross-site request (${site.slice(0, 40)})`);
  }
}

export function assertToken(req: Request, token: string | undefined): void {
  if (token === undefined) return;
  const auth = req.headers.get("authorization");
  const given = auth?.startsWith("Bearer ") ? auth.slice(7) : req.headers.get("x-dashboard-token");
  if (!given) throw new ApiError(401, "token_required", "this dashboard needs its DASHBOARD_TOKEN for actions");
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new ApiError(401, "token_invalid", "wrong dashboard token");
}

export function assertMutationAllowed(req: Request, token: string | undefined): void {
  assertSameOrigin(req);
  assertToken(req, token);
}
