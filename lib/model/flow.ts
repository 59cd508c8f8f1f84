// The event flow's figures as the API serves them and the pages read them: the
// lesson's state machine (created → published → stored → consumed → handled →
// UI updated, with the error / retry / dead-letter path), each stage's rate and
// latency, per handler. Plain data: no histogram or Kafka type crosses here.

export const FLOW_HANDLERS = ["feed", "notification", "analytics"] as const;
export type FlowHandler = (typeof FLOW_HANDLERS)[number];

/** Latency percentiles in milliseconds; null when nothing was recorded. */
export interface LatencySummary {
  count: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

export interface StageFigures {
  /** Events through this stage since the run started. */
  total: number;
  /** Events per second over the last few whole seconds. */
  perSec: number;
  /** Over the last WINDOW_SEC seconds. */
  latency: LatencySummary;
  /** Over the whole run. */
  latencyRun: LatencySummary;
}

export interface HandlerFigures {
  handler: FlowHandler;
  /** First deliveries from the category topics (a redelivered record is not counted again). */
  delivered: number;
  /** Handling attempts, first ones and retries. */
  attempts: number;
  handled: number;
  /** Of `handled`, those that succeeded only on a retry. */
  handledAfterRetry: number;
  /** Attempts that threw (the lesson's Error state). */
  failures: number;
  /** Records written to the handler's retry topic. */
  retried: number;
  /** Records written to the dead-letter topic (failed for good). */
  deadLettered: number;
  /** Retry records written and not yet taken up. */
  pendingRetries: number;
  /** Records seen again after a rebalance and skipped (at-least-once delivery). */
  redelivered: number;
  /** Records not of this run (an earlier run's events, another producer's records): skipped, not counted as delivered. */
  leftOver: number;
  /** Last known lag of the handler's consumer (records behind the log end). */
  lag: number;
  handledPerSec: number;
  failuresPerSec: number;
  /** Stored (log append) → consumed by this handler. */
  delivery: LatencySummary;
  /** Consumed → handled (the batch's wait included): the lesson's handler processing. */
  processing: LatencySummary;
  processingRun: LatencySummary;
  /** Created → handled, retries included. */
  endToEnd: LatencySummary;
  endToEndRun: LatencySummary;
  /** failures / attempts; null before any attempt. */
  errorRate: number | null;
  /** deadLettered / (handled + deadLettered): failed for good. */
  deadLetterRate: number | null;
  /**
   * delivered − handled − dead-lettered − pending retries: events between two
   * states (being handled, a retry being written). 0 once the run has drained;
   * anything else would be an event dropped silently.
   */
  inProgress: number;
}

export type Verdict = "met" | "missed" | "no-data" | "not-tested";

export interface TargetRow {
  id: "creation" | "publish" | "handler" | "ui" | "throughput" | "errorRate";
  label: string;
  /** "< 5 ms", "≥ 1,000 events/s". */
  target: string;
  /** The measured figure the verdict is on, in the target's unit (ms, events/s, fraction). */
  value: number | null;
  /** The p50 beside it, for latencies. */
  p50: number | null;
  verdict: Verdict;
  /** Why, when the verdict needs a word ("rate set to 200/s, below the target"). */
  note?: string;
}

export interface FlowPoint {
  at: number;
  created: number;
  published: number;
  /** Handled per second, per handler. */
  handled: Record<FlowHandler, number>;
  failures: number;
  retried: number;
  deadLettered: number;
  /** Sends that failed and were queued again (a stalled partition shows here). */
  publishRetries: number;
  /** Events created and not yet acknowledged. */
  backlog: number;
  /** Sum of the handlers' consumer lag plus pending retries. */
  behind: number;
  publishP99: number | null;
  handlerP99: number | null;
  endToEndP99: number | null;
  uiP99: number | null;
}

export interface FeedItem {
  /** Event id + the handler that produced it: unique per item. */
  key: string;
  eventId: string;
  kind: "post" | "like" | "comment" | "share" | "alert";
  userId: string;
  text: string;
  /** Event creation, server epoch ms. */
  createdAt: number;
  handledAt: number;
}

export interface FlowFigures {
  at: number;
  windowSec: number;
  created: StageFigures;
  /** Send → acknowledged (acks=all). */
  published: StageFigures;
  /** Created → written to the log (the broker's LogAppendTime). */
  stored: StageFigures;
  /** Created → rendered in a browser, as browsers report it. */
  ui: StageFigures;
  publishRetries: number;
  publishRetriesPerSec: number;
  backlog: number;
  /** "LogAppendTime" when the broker stamps the records, else "ack" (stored = acknowledged). */
  storedClock: "LogAppendTime" | "ack";
  handlers: HandlerFigures[];
  targets: TargetRow[];
}
