import { describe, expect, it } from "vitest";
import { backoffFor, decideAfterFailure, FailureInjector, parseRetryHeaders, retryHeaders, type RetryPolicy } from "./retry-policy";

const policy: RetryPolicy = { maxAttempts: 3, backoffMs: 200, maxBackoffMs: 1000 };

describe("retry decisions", () => {
  it("doubles the backoff per failed attempt, up to its cap", () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffFor(n, policy))).toEqual([200, 400, 800, 1000, 1000]);
    expect(backoffFor(0, policy)).toBe(200);
  });

  it("retries until the last attempt, then dead-letters", () => {
    expect(decideAfterFailure(1, policy, 10_000)).toEqual({ kind: "retry", attempts: 1, backoffMs: 200, dueAt: 10_200 });
    expect(decideAfterFailure(2, policy, 10_000)).toEqual({ kind: "retry", attempts: 2, backoffMs: 400, dueAt: 10_400 });
    expect(decideAfterFailure(3, policy, 10_000)).toEqual({ kind: "dead-letter", attempts: 3 });
    expect(decideAfterFailure(1, { ...policy, maxAttempts: 1 }, 0)).toEqual({ kind: "dead-letter", attempts: 1 });
  });

  it("walks a poison event through exactly maxAttempts attempts", () => {
    let attempts = 1;
    const path: string[] = [];
    for (;;) {
      const d = decideAfterFailure(attempts, policy, 0);
      path.push(d.kind);
      if (d.kind === "dead-letter") break;
      attempts = d.attempts + 1;
    }
    expect(path).toEqual(["retry", "retry", "dead-letter"]);
  });
});

describe("FailureInjector", () => {
  it("fails at its rate, the same way for the same seed", () => {
    const a = new FailureInjector(0.01, 42);
    const b = new FailureInjector(0.01, 42);
    let fails = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = a.shouldFail();
      expect(x).toBe(b.shouldFail());
      if (x) fails++;
    }
    expect(fails / 100_000).toBeGreaterThan(0.009);
    expect(fails / 100_000).toBeLessThan(0.011);
  });

  it("never fails at rate 0, always at rate 1, and follows a rate changed mid-run", () => {
    const i = new FailureInjector(0, 1);
    for (let k = 0; k < 1000; k++) expect(i.shouldFail()).toBe(false);
    i.rate = 1;
    for (let k = 0; k < 1000; k++) expect(i.shouldFail()).toBe(true);
  });
});

describe("retry headers", () => {
  it("round-trip through Kafka's header bytes", () => {
    const meta = { handler: "feed", attempts: 2, dueAt: 1_700_000_000_400, error: "injected failure", source: "user_action/3@812" };
    const bytes = Object.fromEntries(Object.entries(retryHeaders(meta)).map(([k, v]) => [k, Buffer.from(v)]));
    expect(parseRetryHeaders(bytes)).toEqual(meta);
  });

  it("refuses headers that are not ours", () => {
    expect(parseRetryHeaders(undefined)).toBeNull();
    expect(parseRetryHeaders({ "ss-handler": "feed" })).toBeNull();
    expect(parseRetryHeaders({ "ss-handler": "feed", "ss-attempts": "0", "ss-due-at": "1" })).toBeNull();
    expect(parseRetryHeaders({ "ss-handler": "feed", "ss-attempts": "x", "ss-due-at": "1" })).toBeNull();
  });

  it("cuts a long error message", () => {
    expect(retryHeaders({ handler: "h", attempts: 1, dueAt: 0, error: "e".repeat(1000), source: "" })["ss-error"]!.length).toBe(300);
  });
});
