// Hundreds of bad requests at the mutating route: every one is refused with a
// 4xx JSON error, and no broker changes state.
import { describe, expect, it } from "vitest";
import { timeline } from "./api-client";
import { testRuntime } from "./helpers";
import { baseUrl, TEST_TOKEN } from "./server";

interface Case {
  path: string;
  method: string;
  headers: Record<string, string>;
}

const json = { "content-type": "application/json" };
const good = { ...json, authorization: `Bearer ${TEST_TOKEN}` };

function cases(): Case[] {
  const out: Case[] = [];
  const badIds = ["0", "4", "7", "-1", "99999999", "1e3", "1.5", "abc", "%20", "%00", " 2", "2%20", "0x2", "２", "2;3", "1,2", "x".repeat(300), "9".repeat(40), "null", "undefined", "NaN", "Infinity"];
  const actions = ["kill", "stop", "pause", "resume", "restart", "start"];
  const badActions = ["explode", "KILL", "Kill", "kill%20", "__proto__", "constructor", "toString", "kill;stop", "%00", "a".repeat(200), "delete", "exec"];
  for (const id of badIds) for (const action of actions) out.push({ path: `/api/brokers/${id}/${action}`, method: "POST", headers: good });
  for (const action of badActions) for (const id of ["1", "2", "3"]) out.push({ path: `/api/brokers/${id}/${action}`, method: "POST", headers: good });
  for (const method of ["GET", "PUT", "PATCH", "DELETE"]) for (const action of actions) out.push({ path: `/api/brokers/2/${action}`, method, headers: good });
  for (const action of actions) {
    out.push({ path: `/api/brokers/2/${action}`, method: "POST", headers: json });
    out.push({ path: `/api/brokers/2/${action}`, method: "POST", headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    out.push({ path: `/api/brokers/2/${action}`, method: "POST", headers: { ...json, authorization: "Bearer wrong-token-xyz" } });
    out.push({ path: `/api/brokers/2/${action}`, method: "POST", headers: { ...json, authorization: `Bearer ${TEST_TOKEN}x` } });
    out.push({ path: `/api/brokers/2/${action}`, method: "POST", headers: { ...json, "x-dashboard-token": "" } });
    out.push({ path: `/api/brokers/2/${action}`, method: "POST", headers: { ...good, origin: "http://evil.example" } });
    out.push({ path: `/api/brokers/2/${action}`, method: "POST", headers: { ...good, origin: "http://127.0.0.1:1" } });
    out.push({ path: `/api/brokers/2/${action}`, method: "POST", headers: { ...good, origin: "null" } });
    out.push({ path: `/api/brokers/2/${action}`, method: "POST", headers: { ...good, "sec-fetch-site": "cross-site" } });
    out.push({ path: `/api/brokers/2/${action}/extra`, method: "POST", headers: good });
  }
  out.push({ path: "/api/brokers/2", method: "POST", headers: good });
  out.push({ path: "/api/brokers", method: "POST", headers: good });
  for (const q of ["minutes=0", "minutes=61", "minutes=abc", "minutes=1&minutes=2", "hours=1", "minutes=-5", "minutes=1e9"]) {
    out.push({ path: `/api/history?${q}`, method: "GET", headers: {} });
  }
  for (const q of ["since=-1", "since=abc", "limit=0", "limit=5000", "since=1&since=2", "foo=bar"]) {
    out.push({ path: `/api/timeline?${q}`, method: "GET", headers: {} });
  }
  return out;
}

describe("API input fuzzing", () => {
  it("refuses every bad input with a 4xx JSON error and changes nothing", async () => {
    const runtime = testRuntime();
    const state = async () => (await runtime.list()).map((p) => `${p.id}:${p.status}:${p.pid ?? "-"}`);
    const before = await state();
    const lastEntry = (await timeline()).at(-1)?.id ?? 0;
    const all = cases();
    expect(all.length).toBeGreaterThan(200);
    const failures: string[] = [];
    for (let i = 0; i < all.length; i += 20) {
      await Promise.all(
        all.slice(i, i + 20).map(async (c) => {
          const res = await fetch(`${baseUrl()}${c.path}`, { method: c.method, headers: c.headers, signal: AbortSignal.timeout(10_000) });
          const text = await res.text();
          let code: unknown;
          try {
            code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
          } catch {
            code = undefined;
          }
          if (res.status < 400 || res.status >= 500 || typeof code !== "string") {
            failures.push(`${c.method} ${c.path} ${JSON.stringify(c.headers)} → ${res.status} ${text.slice(0, 120)}`);
          }
        }),
      );
    }
    expect(failures).toEqual([]);
    expect(await state()).toEqual(before);
    const actions = (await timeline()).filter((e) => e.id > lastEntry && e.kind === "action");
    expect(actions).toEqual([]);
  });
});
