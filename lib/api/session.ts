// DASHBOARD_TOKEN, presented three ways: an Authorization bearer header, an
// X-Dashboard-Token header (scripts), or the session cookie a token login sets
// (the browser: EventSource cannot send headers, and a token never goes in a URL).
// The cookie holds an HMAC of the token, not the token; every comparison is
// constant-time.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "streamsocial_session";
/** A week: the operator types the token once per browser, not once per visit. */
export const SESSION_MAX_AGE_S = 7 * 24 * 3600;

export type TokenCheck = "ok" | "missing" | "invalid";

function sameBytes(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function sessionValue(token: string): string {
  return createHmac("sha256", token).update("streamsocial-session-v1").digest("base64url");
}

export function cookieValue(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return null;
}

/** What the request proves about the token: a header wins over the cookie (a script that sends a wrong one is told so). */
export function checkToken(headers: Headers, token: string): TokenCheck {
  const auth = headers.get("authorization");
  const given = auth?.startsWith("Bearer ") ? auth.slice(7) : headers.get("x-dashboard-token");
  if (given) return sameBytes(given, token) ? "ok" : "invalid";
  const session = cookieValue(headers.get("cookie"), SESSION_COOKIE);
  if (session) return sameBytes(session, sessionValue(token)) ? "ok" : "invalid";
  return "missing";
}

/** HttpOnly: page scripts never see it; SameSite=Strict: no other site's page sends it. */
export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${sessionValue(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_MAX_AGE_S}`;
}

export const clearedSessionCookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;

export { sameBytes as tokensEqual };
