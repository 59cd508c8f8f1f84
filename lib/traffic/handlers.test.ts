import { describe, expect, it } from "vitest";
import { generateEvents } from "@/lib/events/generator";
import type { StreamSocialEvent } from "@/lib/events/model";
import { AnalyticsHandler, FeedHandler, NotificationHandler } from "./handlers";

const ev = (id: string, userId: string, type: StreamSocialEvent["type"], action: string): StreamSocialEvent =>
  ({ id, timestamp: 1, type, action, userId, payload: {} }) as StreamSocialEvent;

describe("traffic handlers", () => {
  it("feed keeps the newest events per user and forgets the least recent users", () => {
    const feed = new FeedHandler(2, 3);
    for (let i = 0; i < 5; i++) feed.handle(ev(`a${i}`, "alice", "user_action", "post"));
    feed.handle(ev("b0", "bob", "content_interaction", "view"));
    feed.handle(ev("s0", "bob", "system_event", "login")); // not a feed item
    expect(feed.timeline("alice")).toEqual(["a2", "a3", "a4"]);
    expect(feed.timeline("bob")).toEqual(["b0"]);
    feed.handle(ev("c0", "carol", "user_action", "like"));
    expect(feed.timeline("alice")).toEqual([]); // least recently active, evicted
    expect(feed.summary()).toEqual({ users: 2, updates: 7 });
  });

  it("notifications count alerts by kind; analytics counts per type and action", () => {
    const n = new NotificationHandler();
    const a = new AnalyticsHandler();
    const events = [ev("1", "u", "user_action", "like"), ev("2", "u", "user_action", "post"), ev("3", "u", "system_event", "error"), ev("4", "u", "content_interaction", "share")];
    for (const e of events) {
      n.handle(e);
      a.handle(e);
    }
    expect(n.summary()).toEqual({ alerts: 3, like: 1, comment: 0, share: 1, error: 1 });
    expect(a.summary()).toMatchObject({ user_action: 2, "user_action/like": 1, system_event: 1, content_interaction: 1 });
  });

  it("stays bounded over a long realistic stream", () => {
    const feed = new FeedHandler(100, 5);
    for (const e of generateEvents(20_000, 0, { seed: 4, users: 5000 })) feed.handle(e);
    expect(feed.summary().users).toBe(100);
  });
});
