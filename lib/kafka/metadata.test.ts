import { describe, expect, it } from "vitest";
import { firstAnswer } from "./metadata";
import { failureKind } from "./liveness";

const after = <T>(ms: number, value: T, fail = false) =>
  new Promise<T>((resolve, reject) => setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), ms));

describe("firstAnswer (asking brokers like a Kafka client)", () => {
  it("takes the preferred broker's answer without asking the others", async () => {
    const asked: string[] = [];
    const r = await firstAnswer(["a", "b", "c"], (a) => (asked.push(a), after(5, a)), 50);
    expect(r).toEqual({ address: "a", value: "a" });
    expect(asked).toEqual(["a"]);
  });

  it("asks everyone else as soon as the preferred one fails", async () => {
    const asked: string[] = [];
    const r = await firstAnswer(["a", "b", "c"], (a) => (asked.push(a), a === "a" ? after(1, "down", true) : after(a === "b" ? 20 : 5, a)), 1000);
    expect(r.address).toBe("c");
    expect(asked).toEqual(["a", "b", "c"]);
  });

  it("hedges: a preferred broker that hangs costs only the hedge delay", async () => {
    const t0 = Date.now();
    const r = await firstAnswer(["frozen", "b"], (a) => (a === "frozen" ? after(5000, a) : after(5, a)), 30);
    expect(r.address).toBe("b");
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it("rejects with the first error when nobody answers", async () => {
    await expect(firstAnswer(["a", "b"], (a) => after(1, `${a} refused`, true), 10)).rejects.toThrow("a refused");
    await expect(firstAnswer([], () => after(1, "x"))).rejects.toThrow(/no broker address/);
  });
});

describe("failureKind", () => {
  it("tells a refused connection from a probe that got no answer", () => {
    expect(failureKind(Object.assign(new Error("connect failed"), { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }) }))).toBe("refused");
    expect(failureKind(new Error("127.0.0.1:19092 did not answer within 800 ms"))).toBe("timeout");
    expect(failureKind(new Error("something odd"))).toBe("error");
  });
});
