import { describe, expect, it } from "vitest";
import { generateEvents } from "./generator";
import { parseEvent } from "./model";
import { payloadProblem, POISON_PAYLOAD } from "./payloads";

const NOW = 1_700_000_000_000;

describe("payloads", () => {
  it("every generated event carries what its action needs", () => {
    for (const e of generateEvents(5000, NOW, { seed: 5 })) expect(payloadProblem(e), `${e.action}`).toBeNull();
  });

  it("a poison event is a valid envelope whose payload no handler can use", () => {
    const events = generateEvents(20_000, NOW, { seed: 5, poisonRate: 0.01 });
    const poison = events.filter((e) => payloadProblem(e) !== null);
    expect(poison.length).toBeGreaterThan(150);
    expect(poison.length).toBeLessThan(250);
    for (const e of poison) {
      expect(e.payload).toEqual(POISON_PAYLOAD);
      expect(parseEvent(e).ok).toBe(true);
    }
  });

  it("poison leaves every other event as it was, and is refused outside 0..1", () => {
    const plain = generateEvents(2000, NOW, { seed: 8 });
    const mixed = generateEvents(2000, NOW, { seed: 8, poisonRate: 0.05 });
    mixed.forEach((e, i) => {
      if (payloadProblem(e) === null) expect(e).toEqual(plain[i]);
    });
    expect(() => generateEvents(1, NOW, { seed: 1, poisonRate: 2 })).toThrow(/poisonRate/);
  });
});
