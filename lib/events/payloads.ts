// What each action's payload must carry for the handlers to act on it. The
// envelope schema (model.ts) accepts any payload object, as a bus must; a
// handler that needs a post id and finds none cannot do its work, however often
// it tries: that is a poison event, and it ends in the dead-letter topic.
import type { StreamSocialEvent } from "./model";

type FieldKind = "string" | "number";

export const PAYLOAD_FIELDS: Record<StreamSocialEvent["action"], Record<string, FieldKind>> = {
  post: { postId: "string", text: "string" },
  like: { postId: "string" },
  comment: { postId: "string", commentId: "string", text: "string" },
  view: { contentId: "string", durationMs: "number" },
  share: { contentId: "string", channel: "string" },
  click: { contentId: "string", target: "string" },
  login: { device: "string" },
  logout: { sessionSeconds: "number" },
  error: { code: "string", message: "string" },
};

/** Null when the payload has what its action needs, else the sentence saying what is missing. */
export function payloadProblem(event: Pick<StreamSocialEvent, "action" | "payload">): string | null {
  const fields = PAYLOAD_FIELDS[event.action];
  for (const [name, kind] of Object.entries(fields)) {
    if (typeof event.payload[name] !== kind) return `${event.action} payload has no ${kind} ${name}`;
  }
  return null;
}

/** The payload a poison event carries: the envelope is intact, the body is not. */
export const POISON_PAYLOAD = { corrupt: "payload truncated upstream" } as const;
