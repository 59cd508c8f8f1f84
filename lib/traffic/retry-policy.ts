// The error path's decisions, pure: after a failed attempt an event goes to its
// handler's retry topic, due after an exponential backoff, until it has had
// maxAttempts attempts; then it goes to the dead-letter topic. A poison event
// would fail every time, but it is not told apart: it takes the same N attempts,
// as a consumer that cannot know a failure is permanent must do.
import { mulberry32 } from "@/lib/events/generator";

export interface RetryPolicy {
  /** Attempts in all, the first one included (1 = no retry). */
  maxAttempts: number;
  /** Backoff before the first retry; doubled for each one after. */
  backoffMs: number;
  maxBackoffMs: number;
}

export const MAX_BACKOFF_MS = 30_000;

/** Wait before attempt `attemptsSoFar + 1`: backoff, 2 × backoff, 4 × … capped. */
export function backoffFor(attemptsSoFar: number, policy: RetryPolicy): number {
  const n = Math.max(1, attemptsSoFar);
  return Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (n - 1));
}

export type FailureDecision =
  | { kind: "retry"; attempts: number; backoffMs: number; dueAt: number }
  | { kind: "dead-letter"; attempts: number };

/** `attempts` = attempts made so far, the failed one included. */
export function decideAfterFailure(attempts: number, policy: RetryPolicy, now: number): FailureDecision {
  if (attempts >= policy.maxAttempts) return { kind: "dead-letter", attempts };
  const backoffMs = backoffFor(attempts, policy);
  return { kind: "retry", attempts, backoffMs, dueAt: now + backoffMs };
}

/**
 * Injected failures: each attempt fails with probability `rate`, independently
 * (a flaky downstream), from a seeded PRNG so a run can be replayed.
 */
export class FailureInjector {
  private readonly rand: () => number;

  constructor(
    public rate: number,
    seed: number,
  ) {
    this.rand = mulberry32(seed);
  }

  /** Always draws, so the sequence does not depend on the rate's changes. */
  shouldFail(): boolean {
    const u = this.rand();
    return this.rate > 0 && u < this.rate;
  }
}

// Headers of a retry / dead-letter record: the value stays the original event.
export const H_HANDLER = "ss-handler";
export const H_ATTEMPTS = "ss-attempts";
export const H_DUE_AT = "ss-due-at";
export const H_ERROR = "ss-error";
export const H_SOURCE = "ss-source";

export interface RetryMeta {
  handler: string;
  /** Attempts made so far (all failed). */
  attempts: number;
  /** Epoch ms before which the next attempt must not start (0 in the dead-letter topic). */
  dueAt: number;
  error: string;
  /** Where the event was first read: topic/partition@offset. */
  source: string;
}

export function retryHeaders(m: RetryMeta): Record<string, string> {
  return {
    [H_HANDLER]: m.handler,
    [H_ATTEMPTS]: String(m.attempts),
    [H_DUE_AT]: String(m.dueAt),
    [H_ERROR]: m.error.slice(0, 300),
    [H_SOURCE]: m.source,
  };
}

type HeaderValue = string | Buffer | Uint8Array | (string | Buffer)[] | undefined;

const text = (v: HeaderValue): string | undefined => {
  if (v === undefined) return undefined;
  const one = Array.isArray(v) ? v[0] : v;
  return one === undefined ? undefined : typeof one === "string" ? one : Buffer.from(one).toString("utf8");
};

/** Null when the headers are not ours (a record someone else wrote to the topic). */
export function parseRetryHeaders(headers: Record<string, HeaderValue> | undefined): RetryMeta | null {
  if (!headers) return null;
  const handler = text(headers[H_HANDLER]);
  const attempts = Number(text(headers[H_ATTEMPTS]));
  const dueAt = Number(text(headers[H_DUE_AT]));
  if (!handler || !Number.isInteger(attempts) || attempts < 1 || !Number.isFinite(dueAt)) return null;
  return { handler, attempts, dueAt, error: text(headers[H_ERROR]) ?? "", source: text(headers[H_SOURCE]) ?? "" };
}
