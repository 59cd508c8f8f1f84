import { describe, expect, it } from "vitest";
import type { FeedItem } from "@/lib/model/flow";
import { FeedBus, PER_SLOT } from "./feed-bus";

const item = (n: number): FeedItem => ({ key: `e${n}/feed`, eventId: `e${n}`, kind: "post", userId: "u", text: "hi", createdAt: n, handledAt: n });

describe("FeedBus", () => {
  it("sends at most PER_SLOT items per 100 ms, builds only those, and keeps the newest", () => {
    const bus = new FeedBus();
    const got: string[] = [];
    const off = bus.subscribe((i) => got.push(i.eventId));
    let built = 0;
    for (let n = 0; n < 100; n++) bus.offer(() => (built++, item(n)), 1000 + (n < 50 ? 10 : 150));
    expect(got).toEqual(["e0", "e1", "e2", "e3", "e50", "e51", "e52", "e53"].slice(0, PER_SLOT * 2));
    expect(built).toBe(PER_SLOT * 2);
    expect(bus.shown).toBe(PER_SLOT * 2);
    expect(bus.notShown).toBe(100 - PER_SLOT * 2);
    off();
    bus.offer(() => item(999), 5000);
    expect(got).not.toContain("e999");
    expect(bus.latest().at(-1)?.eventId).toBe("e999");
  });

  it("survives a listener that throws", () => {
    const bus = new FeedBus();
    bus.subscribe(() => {
      throw new Error("closed stream");
    });
    const seen: string[] = [];
    bus.subscribe((i) => seen.push(i.eventId));
    expect(bus.offer(() => item(1), 0)).toBe(true);
    expect(seen).toEqual(["e1"]);
  });
});
