// An event as a StreamSocial user would see it on screen once a handler has
// applied it: a post in the timeline, a like, a comment, an alert. Pure.
import type { StreamSocialEvent } from "@/lib/events/model";
import type { FeedItem, FlowHandler } from "@/lib/model/flow";
import type { FeedKind } from "./handlers";

const str = (v: unknown) => (typeof v === "string" ? v : "");

function words(e: StreamSocialEvent, kind: FeedKind): string {
  const p = e.payload;
  switch (kind) {
    case "post":
      return `posted "${str(p.text)}"`;
    case "like":
      return `liked ${str(p.postId)}`;
    case "comment":
      return `commented on ${str(p.postId)}: "${str(p.text)}"`;
    case "share":
      return `shared ${str(p.contentId)} via ${str(p.channel)}`;
    case "alert": {
      if (e.action === "error") return `saw an error: ${str(p.code)} (alert to support)`;
      const verb = e.action === "like" ? "liked" : e.action === "comment" ? "commented on" : "shared";
      return `${verb} ${str(p.postId) || str(p.contentId)}: its author is alerted`;
    }
  }
}

export function feedItem(e: StreamSocialEvent, kind: FeedKind, handler: FlowHandler, handledAt: number): FeedItem {
  return { key: `${e.id}/${handler}`, eventId: e.id, kind, userId: e.userId, text: words(e, kind), createdAt: e.timestamp, handledAt };
}
