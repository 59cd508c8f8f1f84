import { describe, expect, it } from "vitest";
import { exposureProblem, isExposed, MAX_BODY_BYTES, refusal, type AccessPolicy } from "./access";
import { hostPolicy } from "./hosts";
import { sessionValue, SESSION_COOKIE } from "./session";

const TOKEN = "secret-token-123";
const hosts = hostPolicy({ HOST: "127.0.0.1", PORT: 3000, ALLOWED_HOSTS: [] }, { addresses: [], hostname: "box" });
const local: AccessPolicy = { hosts, token: TOKEN, exposed: false };
const exposed: AccessPolicy = { hosts, token: TOKEN, exposed: true };

function req(method: string, url: string, headers: Record<string, string> = {}) {
  const u = new URL(url, "http://127.0.0.1:3000");
  return { method, pathname: u.pathname, search: u.searchParams, headers: new Headers({ host: "127.0.0.1:3000", ...headers }) };
}

describe("refusal", () => {
  it("refuses a foreign Host on pages, reads, the stream and mutations alike", () => {
    for (const [m, p] of [["GET", "/"], ["GET", "/api/cluster"], ["GET", "/api/stream"], ["POST", "/api/brokers/2/pause"], ["GET", "/_next/static/x.js"]]) {
      const r = refusal(req(m as string, p as string, { host: "evil.example:3000", origin: "http://evil.example:3000", "content-type": "application/json" }), local);
      expect(r?.code, `${m} ${p}`).toBe("host_not_allowed");
      expect(r?.status).toBe(403);
    }
  });
  it("refuses a token in the URL", () => {
    expect(refusal(req("GET", "/api/cluster?token=abc"), local)?.code).toBe("token_in_url");
    expect(refusal(req("GET", "/?Access_Token=abc"), local)?.code).toBe("token_in_url");
  });
  it("wants JSON bodies on POST, PUT and PATCH under /api, capped in size, before anything else is looked at", () => {
    for (const ct of [undefined, "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", "application/jsonx"]) {
      const r = refusal(req("POST", "/api/brokers/2/kill", ct ? { "content-type": ct, origin: "http://evil.example" } : {}), local);
      expect(r?.code, String(ct)).toBe("json_required");
      expect(r?.status).toBe(415);
    }
    expect(refusal(req("POST", "/api/drills", { "content-type": "application/json; charset=utf-8" }), local)).toBeNull();
    expect(refusal(req("POST", "/api/drills", { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) }), local)?.status).toBe(413);
    expect(refusal(req("GET", "/api/cluster"), local)).toBeNull();
  });
  it("lets reads through on loopback without the token; gates them when exposed", () => {
    expect(refusal(req("GET", "/api/cluster"), local)).toBeNull();
    expect(refusal(req("GET", "/api/cluster"), exposed)?.code).toBe("token_required");
    expect(refusal(req("GET", "/api/stream", { authorization: "Bearer nope-nope" }), exposed)?.code).toBe("token_invalid");
    expect(refusal(req("GET", "/api/cluster", { authorization: `Bearer ${TOKEN}` }), exposed)).toBeNull();
    expect(refusal(req("GET", "/api/stream", { cookie: `a=b; ${SESSION_COOKIE}=${sessionValue(TOKEN)}` }), exposed)).toBeNull();
    expect(refusal(req("GET", "/api/stream", { cookie: `${SESSION_COOKIE}=${sessionValue("other-token")}` }), exposed)?.code).toBe("token_invalid");
    // The login itself and the page shell that asks for the token.
    expect(refusal(req("GET", "/api/session"), exposed)).toBeNull();
    expect(refusal(req("GET", "/"), exposed)).toBeNull();
  });
  it("serves nothing when exposed without a token", () => {
    for (const [m, p] of [["GET", "/"], ["GET", "/api/session"], ["POST", "/api/brokers/2/kill"]]) expect(refusal(req(m as string, p as string, { "content-type": "application/json" }), { hosts, token: undefined, exposed: true })?.status).toBe(503);
  });
});

describe("exposure", () => {
  it("needs the token beyond loopback", () => {
    expect(isExposed({ HOST: "127.0.0.1", ALLOWED_HOSTS: [] })).toBe(false);
    expect(isExposed({ HOST: "0.0.0.0", ALLOWED_HOSTS: [] })).toBe(true);
    expect(isExposed({ HOST: "127.0.0.1", ALLOWED_HOSTS: ["dash.lan"] })).toBe(true);
    expect(exposureProblem({ HOST: "0.0.0.0", ALLOWED_HOSTS: [] })).toMatch(/refusing to start: HOST=0.0.0.0.*DASHBOARD_TOKEN/);
    expect(exposureProblem({ HOST: "0.0.0.0", ALLOWED_HOSTS: [], DASHBOARD_TOKEN: TOKEN })).toBeNull();
    expect(exposureProblem({ HOST: "localhost", ALLOWED_HOSTS: [] })).toBeNull();
  });
});
