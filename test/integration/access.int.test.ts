// Who may reach the dashboard, tried on the real server: every route, GET and
// POST, with generated Host / Origin / Sec-Fetch-Site / Content-Type combinations
// (DNS-rebinding pairs, IP literals, trailing dots, upper case, other ports, IPv6).
// An independent oracle below says, from the rules in the README, which must be
// refused; the brokers' processes are compared before and after. Then a server
// bound beyond loopback: refused without a token, gated reads with one.
import { spawn } from "node:child_process";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startDashboard, type DashboardServer } from "../dashboard-server";
import { timeline } from "./api-client";
import { testRuntime } from "./helpers";
import { INTEGRATION_ENV } from "./env";
import { TEST_TOKEN } from "./server";

const PORT = Number(INTEGRATION_ENV.PORT ?? "3101");

interface RawAnswer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * One request with exactly these headers (fetch will not send a foreign Host). Streams are
 * cut after the head. A body given as chunks is written piece by piece (send it chunked).
 */
function raw(port: number, method: string, urlPath: string, headers: Record<string, string>, body?: string | string[]): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: urlPath, headers, setHost: false, timeout: 15_000 }, (res) => {
      if (String(res.headers["content-type"]).startsWith("text/event-stream")) {
        res.destroy();
        resolve({ status: res.statusCode ?? 0, body: "", headers: res.headers });
        return;
      }
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${urlPath}: no answer in 15 s`)));
    req.on("error", reject);
    for (const chunk of Array.isArray(body) ? body : []) req.write(chunk);
    req.end(Array.isArray(body) ? undefined : body);
  });
}

const codeOf = (a: RawAnswer): string | undefined => {
  try {
    return (JSON.parse(a.body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
};

// ---- the oracle: the rules as the README states them, written apart from lib/api ----
const GOOD_HOSTS = [`127.0.0.1:${PORT}`, `localhost:${PORT}`, `[::1]:${PORT}`, `LocalHost:${PORT}`];
const BAD_HOSTS = [
  `evil.example:${PORT}`, "evil.example", `127.0.0.1:${PORT + 1}`, `localhost.:${PORT}`, `127.1:${PORT}`, `0.0.0.0:${PORT}`,
  `[::ffff:127.0.0.1]:${PORT}`, `127.0.0.2:${PORT}`, `localhost.evil.example:${PORT}`, `2130706433:${PORT}`, "localhost", "",
];
const ACCESS_CODES = new Set(["host_not_allowed", "json_required", "cross_origin", "token_in_url", "body_too_large", "token_required", "token_invalid"]);

function expectedRefusal(c: Case): boolean {
  if (!GOOD_HOSTS.includes(c.host)) return true;
  if (c.method === "GET") return false;
  if (c.contentType !== "application/json") return true;
  if (c.origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = new URL(c.origin).host;
    } catch {
      originHost = null;
    }
    if (originHost !== c.host) return true; // a rebound page: Origin equals its Host, and that Host is not ours (above)
  }
  return c.site !== null && c.site !== "same-origin" && c.site !== "none";
}

interface Case {
  method: "GET" | "POST";
  path: string;
  body?: string;
  host: string;
  origin: string | null;
  site: string | null;
  contentType: string | null;
}

// Reads, pages and the stream; and mutations that reach their route without changing anything.
const GETS = ["/", "/topics", "/drill", "/api/cluster", "/api/topics", "/api/timeline", "/api/history", "/api/traffic", "/api/drills", "/api/session", "/api/stream"];
const POSTS: { path: string; body: string }[] = [
  { path: "/api/brokers/2/resume", body: "" }, // broker 2 runs: 409 not_paused once through
  { path: "/api/drills", body: '{"rate":-5}' }, // 422 once through
  { path: "/api/traffic", body: '{"action":"explode"}' }, // 422 once through
  { path: "/api/session", body: '{"token":"not-the-token"}' }, // 401 token_invalid from the login itself
];

function cases(): Case[] {
  const out: Case[] = [];
  const hosts = [...GOOD_HOSTS, ...BAD_HOSTS];
  for (const host of hosts) {
    for (const p of GETS) for (const origin of [null, `http://${host}`]) out.push({ method: "GET", path: p, host, origin, site: null, contentType: null });
    for (const post of POSTS) {
      const origins = [null, `http://${host}`, `http://127.0.0.1:${PORT}`, "http://evil.example", "null"];
      for (const origin of origins) {
        for (const site of [null, "same-origin", "cross-site", "same-site"]) {
          for (const contentType of ["application/json", "application/x-www-form-urlencoded", "text/plain", null]) {
            out.push({ method: "POST", path: post.path, body: post.body, host, origin, site, contentType });
          }
        }
      }
    }
  }
  return out;
}

describe("access: the Host allowlist and the mutation rules on every route", () => {
  it("refuses every request the rules refuse, with a 4xx and nothing done, and lets the rest reach their route", async () => {
    const runtime = testRuntime();
    const state = async () => (await runtime.list()).map((p) => `${p.id}:${p.status}:${p.pid ?? "-"}`);
    const before = await state();
    const lastEntry = (await timeline()).at(-1)?.id ?? 0;
    const all = cases();
    expect(all.length).toBeGreaterThan(1000);
    const wrong: string[] = [];
    let refused = 0;
    let resumesLetThrough = 0;
    for (let i = 0; i < all.length; i += 25) {
      await Promise.all(
        all.slice(i, i + 25).map(async (c) => {
          const headers: Record<string, string> = { authorization: `Bearer ${TEST_TOKEN}` };
          if (c.host !== "") headers.host = c.host;
          if (c.origin !== null) headers.origin = c.origin;
          if (c.site !== null) headers["sec-fetch-site"] = c.site;
          if (c.contentType !== null) headers["content-type"] = c.contentType;
          const a = await raw(PORT, c.method, c.path, headers, c.body);
          const code = codeOf(a);
          const isRefusal = a.status >= 400 && a.status < 500 && (c.host === "" || (code !== undefined && ACCESS_CODES.has(code)) || !c.path.startsWith("/api"));
          const shouldRefuse = expectedRefusal(c);
          const label = `${c.method} ${c.path} host=${JSON.stringify(c.host)} origin=${c.origin} site=${c.site} ct=${c.contentType}`;
          if (shouldRefuse) {
            refused++;
            if (!isRefusal || (c.path.startsWith("/api") && c.host !== "" && code === undefined)) wrong.push(`${label}: not refused (${a.status} ${a.body.slice(0, 100)})`);
          } else if (c.path === "/api/brokers/2/resume") {
            resumesLetThrough++;
            if (code !== "not_paused") wrong.push(`${label}: did not reach the route (${a.status} ${a.body.slice(0, 100)})`);
          } else if (c.method === "GET" ? a.status !== 200 : code !== undefined && ACCESS_CODES.has(code) && !(c.path === "/api/session" && code === "token_invalid")) {
            wrong.push(`${label}: refused (${a.status} ${a.body.slice(0, 100)})`);
          }
        }),
      );
    }
    expect(wrong.slice(0, 30)).toEqual([]);
    expect(refused).toBeGreaterThan(500);
    expect(await state()).toEqual(before);
    // Only the requests the rules let through reached the runtime, and each was refused there (broker 2 is not paused).
    const actions = (await timeline()).filter((e) => e.id > lastEntry && e.kind === "action");
    expect(resumesLetThrough).toBeGreaterThan(0);
    expect(actions.map((e) => e.message)).toEqual(Array.from({ length: resumesLetThrough }, () => "operator: resume broker 2 failed: broker 2 is not paused"));
  });

  it("answers a refused page in plain words and a refused API call in JSON", async () => {
    const page = await raw(PORT, "GET", "/", { host: `evil.example:${PORT}` });
    expect(page.status).toBe(403);
    expect(page.headers["content-type"]).toMatch(/text\/plain/);
    expect(page.body).toMatch(/does not answer to host "evil.example:\d+".*ALLOWED_HOSTS/);
    const api = await raw(PORT, "POST", "/api/brokers/2/pause", { host: `evil.example:${PORT}`, origin: `http://evil.example:${PORT}`, "content-type": "application/json", authorization: `Bearer ${TEST_TOKEN}` });
    expect(api.status).toBe(403);
    expect(codeOf(api)).toBe("host_not_allowed");
  });

  it("refuses a token in the URL and a body over the cap", async () => {
    const host = `127.0.0.1:${PORT}`;
    const q = await raw(PORT, "GET", `/api/cluster?token=${TEST_TOKEN}`, { host });
    expect([q.status, codeOf(q)]).toEqual([400, "token_in_url"]);
    const big = await raw(PORT, "POST", "/api/drills", { host, "content-type": "application/json", authorization: `Bearer ${TEST_TOKEN}` }, JSON.stringify({ pad: "x".repeat(20_000) }));
    expect([big.status, codeOf(big)]).toEqual([413, "body_too_large"]);
    // Chunked (no Content-Length for the gate): the route's own reader cuts it off.
    const chunks = Array.from({ length: 40 }, () => "x".repeat(1000));
    const chunked = await raw(PORT, "POST", "/api/drills", { host, "content-type": "application/json", authorization: `Bearer ${TEST_TOKEN}`, "transfer-encoding": "chunked" }, chunks);
    expect([chunked.status, codeOf(chunked)]).toEqual([413, "body_too_large"]);
  });
});

describe("access: a dashboard bound beyond loopback", () => {
  const exposedPort = 3104;
  const env = {
    ...INTEGRATION_ENV,
    RUNTIME: "none",
    KAFKA_BROKERS: testRuntime().bootstrap.join(","),
    DATA_DIR: path.join(INTEGRATION_ENV.DATA_DIR ?? ".data/test-cluster", "exposed"),
    HOST: "0.0.0.0",
    PORT: String(exposedPort),
  };
  let server: DashboardServer | undefined;
  afterAll(async () => server?.stop());

  it("refuses to start without DASHBOARD_TOKEN, and says why", async () => {
    const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
    const { DASHBOARD_TOKEN: _drop, ...rest } = process.env;
    const child = spawn(process.execPath, [nextBin, "start", "-H", "0.0.0.0", "-p", String(exposedPort)], {
      env: { ...rest, ...env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    clearTimeout(timer);
    expect(code, out).not.toBe(0);
    expect(code, out).not.toBeNull();
    expect(out).toMatch(/refusing to start: HOST=0\.0\.0\.0 is not a loopback address.*DASHBOARD_TOKEN/);
  });

  it("with a token, gates every read: 401 without it, 200 with the header or the login's cookie, the stream included", async () => {
    server = await startDashboard({ port: exposedPort, host: "0.0.0.0", env: { ...env, DASHBOARD_TOKEN: TEST_TOKEN }, logFile: path.join(env.DATA_DIR, "dashboard.log"), readyHeaders: { authorization: `Bearer ${TEST_TOKEN}` } });
    const host = `127.0.0.1:${exposedPort}`;
    for (const p of ["/api/cluster", "/api/topics", "/api/timeline", "/api/stream"]) {
      const a = await raw(exposedPort, "GET", p, { host });
      expect([p, a.status, codeOf(a)]).toEqual([p, 401, "token_required"]);
      expect((await raw(exposedPort, "GET", p, { host, authorization: "Bearer wrong-token-000" })).status).toBe(401);
      expect((await raw(exposedPort, "GET", p, { host, authorization: `Bearer ${TEST_TOKEN}` })).status).toBe(200);
    }
    // The page shell loads (it asks for the token); the session endpoint says what it needs.
    expect((await raw(exposedPort, "GET", "/", { host })).status).toBe(200);
    expect(JSON.parse((await raw(exposedPort, "GET", "/api/session", { host })).body)).toEqual({ readsNeedToken: true, actionsNeedToken: true, authenticated: false });

    const bad = await raw(exposedPort, "POST", "/api/session", { host, origin: `http://${host}`, "content-type": "application/json" }, '{"token":"wrong-token-000"}');
    expect([bad.status, bad.headers["set-cookie"]]).toEqual([401, undefined]);
    const login = await raw(exposedPort, "POST", "/api/session", { host, origin: `http://${host}`, "content-type": "application/json" }, JSON.stringify({ token: TEST_TOKEN }));
    expect(login.status).toBe(204);
    const cookie = String(login.headers["set-cookie"]?.[0] ?? "");
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(TEST_TOKEN);
    const session = cookie.split(";")[0] as string;
    for (const p of ["/api/cluster", "/api/stream"]) expect((await raw(exposedPort, "GET", p, { host, cookie: session })).status).toBe(200);
    expect(JSON.parse((await raw(exposedPort, "GET", "/api/session", { host, cookie: session })).body).authenticated).toBe(true);

    // Reached by this machine's own address, it answers; by a stranger's name, it does not.
    const own = Object.values(os.networkInterfaces()).flatMap((l) => l ?? []).find((a) => a.family === "IPv4" && !a.internal)?.address;
    if (own) expect((await raw(exposedPort, "GET", "/api/cluster", { host: `${own}:${exposedPort}`, cookie: session })).status).toBe(200);
    expect((await raw(exposedPort, "GET", "/api/cluster", { host: `evil.example:${exposedPort}`, cookie: session })).status).toBe(403);
  });
});
