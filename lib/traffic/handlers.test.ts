import { describe, expect, it } from "vitest";
import { generateEvents } from "@/lib/events/generator";
import type { StreamSocialEvent } from "@/lib/events/model";
import { POISON_PAYLOAD } from "@/lib/events/payloads";
import { AnalyticsHandler, FeedHandler, HandlerError, NotificationHandler } from "./handlers";

const PAYLOADS: Record<string, Record<string, unknown>> = {
  post: { postId: "p1", text: "hi" },
  like: { postId: "p1" },
  comment: { postId: "p1", commentId: "c1", text: "wow" },
  view: { contentId: "c", durationMs: 5 },
  share: { contentId: "c", channel: "dm" },
  login: { device: "web" },
  error: { code: "TIMEOUT", message: "request failed" },
};
const ev = (id: string, userId: string, type: StreamSocialEvent["type"], action: string): StreamSocialEvent =>
  ({ id, timestamp: 1, type, action, userId, payload: PAYLOADS[action] ?? {} }) as StreamSocialEvent;

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

  it("return what a user would see: timeline items from the feed, alerts from notifications", () => {
    expect(new FeedHandler().handle(ev("1", "u", "user_action", "comment"))).toBe("comment");
    expect(new FeedHandler().handle(ev("2", "u", "content_interaction", "view"))).toBeNull();
    expect(new NotificationHandler().handle(ev("3", "u", "user_action", "like"))).toBe("alert");
    expect(new NotificationHandler().handle(ev("4", "u", "user_action", "post"))).toBeNull();
    expect(new AnalyticsHandler().handle(ev("5", "u", "user_action", "post"))).toBeNull();
  });

  it("fail on a poison event, every time, and apply nothing", () => {
    const poison = { ...ev("p", "u", "user_action", "like"), payload: { ...POISON_PAYLOAD } } as StreamSocialEvent;
    for (const h of [new FeedHandler(), new NotificationHandler(), new AnalyticsHandler()]) {
      const before = JSON.stringify(h.summary());
      for (let i = 0; i < 3; i++) {
        try {
          h.handle(poison);
          throw new Error("expected a HandlerError");
        } catch (err) {
          expect(err).toBeInstanceOf(HandlerError);
          expect((err as HandlerError).poison).toBe(true);
          expect((err as Error).message).toBe("poison event p: like payload has no string postId");
        }
      }
      expect(JSON.stringify(h.summary())).toBe(before);
    }
  });

  it("stays bounded over a long realistic stream", () => {
    const feed = new FeedHandler(100, 5);
    for (const e of generateEvents(20_000, 0, { seed: 4, users: 5000 })) feed.handle(e);
    expect(feed.summary().users).toBe(100);
  });
});
