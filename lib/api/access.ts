// The one gate every request passes (proxy.ts runs it before any page or route):
// the Host allowlist, no token in a URL, JSON-only and size-capped mutations, and,
// when the dashboard is exposed beyond loopback, the token for reads too. Routes
// still check same-origin and the token on mutations (lib/api/guard.ts). Pure:
// the policy is built once from the config by the caller.
import { hostAllowed, isLoopbackHost, type HostPolicy } from "./hosts";
import { checkToken } from "./session";

/** Larger than any drill or traffic request; small enough that nobody streams megabytes at us. */
export const MAX_BODY_BYTES = 16 * 1024;
const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);
const TOKEN_PARAMS = new Set(["token", "access_token", "dashboard_token", "auth", "authorization"]);
/** Reads the login page needs before it has the token. */
const OPEN_WHEN_EXPOSED = new Set(["/api/session"]);

export interface AccessPolicy {
  hosts: HostPolicy;
  token: string | undefined;
  /** Reachable beyond loopback (non-loopback bind or ALLOWED_HOSTS): the token then gates reads too. */
  exposed: boolean;
}

export interface AccessRequest {
  method: string;
  pathname: string;
  search: URLSearchParams;
  headers: Headers;
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

export function isExposed(cfg: { HOST: string; ALLOWED_HOSTS: readonly string[] }): boolean {
  return !isLoopbackHost(cfg.HOST) || cfg.ALLOWED_HOSTS.length > 0;
}

/** Why the server must not start with this configuration, or null. */
export function exposureProblem(cfg: { HOST: string; ALLOWED_HOSTS: readonly string[]; DASHBOARD_TOKEN?: string | undefined }): string | null {
  if (!isExposed(cfg) || cfg.DASHBOARD_TOKEN !== undefined) return null;
  const why = isLoopbackHost(cfg.HOST) ? `ALLOWED_HOSTS (${cfg.ALLOWED_HOSTS.join(",")}) makes it reachable under other names` : `HOST=${cfg.HOST} is not a loopback address`;
  return `refusing to start: ${why}, and anyone who reaches it could kill brokers. Set DASHBOARD_TOKEN (8+ characters), or bind to 127.0.0.1.`;
}

const isJson = (contentType: string | null) => contentType !== null && /^application\/json\s*(;|$)/i.test(contentType.trim());

export function refusal(req: AccessRequest, policy: AccessPolicy): Refusal | null {
  // The server refuses to start like this (instrumentation.ts); should it run anyway, nothing at all is served.
  if (policy.exposed && policy.token === undefined) {
    return { status: 503, code: "exposed_without_token", message: "this dashboard is reachable beyond loopback without DASHBOARD_TOKEN: it serves nothing until one is set" };
  }
  const host = req.headers.get("host");
  if (!hostAllowed(host, policy.hosts)) {
    return { status: 403, code: "host_not_allowed", message: `refused: this dashboard does not answer to host ${JSON.stringify((host ?? "").slice(0, 100))}; add it to ALLOWED_HOSTS if it is really ours` };
  }
  for (const key of req.search.keys()) {
    if (TOKEN_PARAMS.has(key.toLowerCase())) {
      return { status: 400, code: "token_in_url", message: "refused: a token in a URL ends up in logs and history; send it as an Authorization header or log in" };
    }
  }
  const api = req.pathname === "/api" || req.pathname.startsWith("/api/");
  if (!api) return null;
  const method = req.method.toUpperCase();
  if (BODY_METHODS.has(method)) {
    if (!isJson(req.headers.get("content-type"))) {
      return { status: 415, code: "json_required", message: "refused: API requests with a body must be Content-Type: application/json" };
    }
    const length = Number(req.headers.get("content-length") ?? "0");
    if (!Number.isFinite(length) || length > MAX_BODY_BYTES) {
      return { status: 413, code: "body_too_large", message: `refused: bodies are capped at ${MAX_BODY_BYTES} bytes` };
    }
  }
  if (policy.exposed && policy.token !== undefined && !OPEN_WHEN_EXPOSED.has(req.pathname)) {
    const check = checkToken(req.headers, policy.token);
    if (check === "missing") return { status: 401, code: "token_required", message: "this dashboard is reachable beyond loopback: log in with its DASHBOARD_TOKEN" };
    if (check === "invalid") return { status: 401, code: "token_invalid", message: "wrong dashboard token" };
  }
  return null;
}
