// The one way the browser talks to the API. Failures become a FetchError that
// carries the HTTP status and the API's own {code, message}, so hooks and
// components can tell "token needed" from "broker not running" from "server down".

import { readToken } from "./token";

export class FetchError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "FetchError";
  }
}

/** Status 0: the request never got an HTTP answer (server down, network gone). */
export const NETWORK_ERROR = 0;

async function toFetchError(res: Response): Promise<FetchError> {
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    const code = typeof body.error?.code === "string" ? body.error.code : "http_error";
    const message = typeof body.error?.message === "string" ? body.error.message : `HTTP ${res.status}`;
    return new FetchError(res.status, code, message);
  } catch {
    return new FetchError(res.status, "http_error", `HTTP ${res.status} ${res.statusText}`.trim());
  }
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { cache: "no-store", ...init });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new FetchError(NETWORK_ERROR, "network", `the dashboard server did not answer (${why})`);
  }
  if (!res.ok) throw await toFetchError(res);
  return (await res.json()) as T;
}

/** SWR's fetcher: GET a JSON resource. */
export function fetcher<T>(url: string, init?: Pick<RequestInit, "signal">): Promise<T> {
  return request<T>(url, init);
}

/** POST without a body (declared JSON: the server refuses any other kind); the token, when known, goes as a bearer header. */
export function post<T>(url: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  return request<T>(url, { method: "POST", headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** A JSON mutation (drills, traffic) with the stored token; fails like every other call. */
export function sendJson<T>(url: string, method: "POST" | "DELETE", body?: unknown): Promise<T> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const token = readToken();
  if (token) headers.authorization = `Bearer ${token}`;
  return request<T>(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
