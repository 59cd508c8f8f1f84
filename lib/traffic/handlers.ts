// The lesson's three subscribers, each doing a small real piece of work on the
// events it consumes. Pure and bounded in memory, so they are unit-tested with
// plain events and can run for hours behind a consumer group. A handler that
// cannot do its work throws a HandlerError (a poison event does that on every
// attempt); what it returns is the UI update a StreamSocial user would see.
import type { StreamSocialEvent } from "@/lib/events/model";
import { payloadProblem } from "@/lib/events/payloads";
import type { FeedItem } from "@/lib/model/flow";

export class HandlerError extends Error {
  constructor(
    message: string,
    /** Poison: retrying cannot help (the event itself is broken). */
    readonly poison: boolean,
  ) {
    super(message);
  }
}

export type FeedKind = FeedItem["kind"];

export interface Handler {
  /** Applies the event's side effect; throws HandlerError when it cannot. */
  handle(event: StreamSocialEvent): FeedKind | null;
  summary(): Record<string, number>;
}

function requirePayload(e: StreamSocialEvent): void {
  const problem = payloadProblem(e);
  if (problem) throw new HandlerError(`poison event ${e.id}: ${problem}`, true);
}

/** Per-user timelines: the newest `perUser` events of the `maxUsers` most recently active users. */
export class FeedHandler implements Handler {
  private readonly timelines = new Map<string, string[]>();
  private updates = 0;

  constructor(
    private readonly maxUsers = 1000,
    private readonly perUser = 20,
  ) {}

  handle(e: StreamSocialEvent): FeedKind | null {
    if (e.type === "system_event") return null; // logins are not feed items
    requirePayload(e);
    const line = this.timelines.get(e.userId) ?? [];
    this.timelines.delete(e.userId); // re-insert: Map order is recency order
    line.push(e.id);
    if (line.length > this.perUser) line.splice(0, line.length - this.perUser);
    this.timelines.set(e.userId, line);
    if (this.timelines.size > this.maxUsers) this.timelines.delete(this.timelines.keys().next().value!);
    this.updates++;
    return e.action === "post" || e.action === "like" || e.action === "comment" || e.action === "share" ? e.action : null;
  }

  timeline(userId: string): readonly string[] {
    return this.timelines.get(userId) ?? [];
  }

  summary() {
    return { users: this.timelines.size, updates: this.updates };
  }
}

/** Alerts a user would get: likes, comments and shares of their content, and errors. */
export class NotificationHandler implements Handler {
  private readonly alerts: Record<string, number> = { like: 0, comment: 0, share: 0, error: 0 };

  handle(e: StreamSocialEvent): FeedKind | null {
    requirePayload(e);
    if (!(e.action in this.alerts)) return null;
    this.alerts[e.action]!++;
    return "alert";
  }

  summary() {
    const total = Object.values(this.alerts).reduce((s, n) => s + n, 0);
    return { alerts: total, ...this.alerts };
  }
}

/** Counts per event type and action. */
export class AnalyticsHandler implements Handler {
  private readonly counts = new Map<string, number>();

  handle(e: StreamSocialEvent): FeedKind | null {
    requirePayload(e);
    for (const k of [e.type, `${e.type}/${e.action}`]) this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    return null;
  }

  summary() {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}
