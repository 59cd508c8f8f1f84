// The token login's two calls (api/session): what this dashboard needs, and the
// login itself, which answers 204 with the session cookie rather than JSON.
import { fetcher } from "./fetcher";

export interface SessionInfo {
  readsNeedToken: boolean;
  actionsNeedToken: boolean;
  authenticated: boolean;
}

export const fetchSession = () => fetcher<SessionInfo>("/api/session");

/** "ok" (cookie set), "wrong" (token refused), or the HTTP status otherwise. */
export async function logIn(token: string): Promise<"ok" | "wrong" | number> {
  const res = await fetch("/api/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });
  return res.status === 204 ? "ok" : res.status === 401 ? "wrong" : res.status;
}
