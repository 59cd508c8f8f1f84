// Mutations: same-origin only, and carrying DASHBOARD_TOKEN when it is set
// (header or the login's session cookie). The Host allowlist, JSON-only bodies and
// their size cap come first, in lib/api/access.ts.
import { ApiError } from "./errors";
import { checkToken } from "./session";

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
  const check = checkToken(req.headers, token);
  if (check === "missing") throw new ApiError(401, "token_required", "this dashboard needs its DASHBOARD_TOKEN for actions");
  if (check === "invalid") throw new ApiError(401, "token_invalid", "wrong dashboard token");
}

export function assertMutationAllowed(req: Request, token: string | undefined): void {
  assertSameOrigin(req);
  assertToken(req, token);
}
