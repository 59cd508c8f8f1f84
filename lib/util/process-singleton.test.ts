import { describe, expect, it } from "vitest";
import { processSingleton } from "./process-singleton";

describe("processSingleton", () => {
  it("creates once per name and hands every caller the same instance", async () => {
    let made = 0;
    const create = async () => ({ n: ++made });
    const name = `test-${Date.now()}`;
    const [a, b] = await Promise.all([processSingleton(name, create), processSingleton(name, create)]);
    expect(a).toBe(b);
    expect(made).toBe(1);
    const other = await processSingleton(`${name}-other`, create);
    expect(other).not.toBe(a);
    expect(made).toBe(2);
  });
});
