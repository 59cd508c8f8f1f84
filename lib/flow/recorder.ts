// Stage accounting for one traffic run: what the producer side (created,
// published, stored), each handler and the browsers report, turned into the
// figures the page and the CLI show and one chart point per second (15 min
// kept). Pure over the times passed in.
import { FLOW_HANDLERS, type FlowFigures, type FlowHandler, type FlowPoint } from "@/lib/model/flow";
import { HandlerStats } from "./handler-stats";
import { WindowedLatency } from "./latency";
import { RateCounter } from "./rates";
import { evaluateTargets, worstOf } from "./targets";

export const WINDOW_SEC = 10;
const HISTORY_POINTS = 900;

class Stage {
  readonly rate = new RateCounter();
  readonly latency = new WindowedLatency(WINDOW_SEC);

  record(latencyMs: number, count: number, now: number): void {
    this.rate.add(count, now);
    this.latency.record(latencyMs, count, now);
  }

  figures(now: number) {
    return { total: this.rate.total, perSec: this.rate.perSec(now), latency: this.latency.window(now), latencyRun: this.latency.runSummary() };
  }
}

export interface FlowContext {
  /** Events created and not yet acknowledged. */
  backlog: number;
  storedClock: FlowFigures["storedClock"];
  configuredRate: number | null;
  running: boolean;
  /** When the run began and (once over) when its producer stopped, for the run's mean rate. */
  startedAt: number | null;
  producedUntil: number | null;
}

export class FlowRecorder {
  readonly created = new Stage();
  readonly published = new Stage();
  readonly stored = new Stage();
  readonly ui = new Stage();
  readonly publishRetries = new RateCounter();
  readonly handlers: Record<FlowHandler, HandlerStats>;
  private readonly points: FlowPoint[] = [];
  private lastPointSec = -1;

  constructor() {
    this.handlers = Object.fromEntries(FLOW_HANDLERS.map((h) => [h, new HandlerStats(h)])) as Record<FlowHandler, HandlerStats>;
  }

  figures(now: number, ctx: FlowContext): FlowFigures {
    const base = {
      at: now,
      windowSec: WINDOW_SEC,
      created: this.created.figures(now),
      published: this.published.figures(now),
      stored: this.stored.figures(now),
      ui: this.ui.figures(now),
      publishRetries: this.publishRetries.total,
      publishRetriesPerSec: this.publishRetries.perSec(now),
      backlog: ctx.backlog,
      storedClock: ctx.storedClock,
      handlers: FLOW_HANDLERS.map((h) => this.handlers[h].figures(now)),
    };
    const span = ctx.startedAt !== null && ctx.producedUntil !== null ? (ctx.producedUntil - ctx.startedAt) / 1000 : null;
    const runRate = span !== null && span > 0 ? this.published.rate.total / span : null;
    return { ...base, targets: evaluateTargets({ figures: base, configuredRate: ctx.configuredRate, running: ctx.running, runRate }) };
  }

  /** Appends the chart points of every whole second since the last call (called about once a second). */
  tick(now: number, backlog: number): void {
    const sec = Math.floor(now / 1000) - 1;
    if (this.lastPointSec === -1) this.lastPointSec = sec - 1;
    // After a long pause only the last few seconds still have data in the rings.
    for (let s = Math.max(this.lastPointSec + 1, sec - 5); s <= sec; s++) this.points.push(this.point(s, backlog));
    this.lastPointSec = sec;
    if (this.points.length > HISTORY_POINTS) this.points.splice(0, this.points.length - HISTORY_POINTS);
  }

  /** The chart points of the last `seconds` seconds. */
  history(seconds: number, now: number): FlowPoint[] {
    const from = now - seconds * 1000;
    return this.points.filter((p) => p.at >= from);
  }

  private point(sec: number, backlog: number): FlowPoint {
    const hs = FLOW_HANDLERS.map((h) => this.handlers[h]);
    const sum = (f: (h: HandlerStats) => number) => hs.reduce((n, h) => n + f(h), 0);
    return {
      at: sec * 1000,
      created: this.created.rate.inSecond(sec),
      published: this.published.rate.inSecond(sec),
      handled: Object.fromEntries(hs.map((h) => [h.handler, h.handledRate.inSecond(sec)])) as Record<FlowHandler, number>,
      failures: sum((h) => h.failureRate.inSecond(sec)),
      retried: sum((h) => h.retriedRate.inSecond(sec)),
      deadLettered: sum((h) => h.deadLetterRate.inSecond(sec)),
      publishRetries: this.publishRetries.inSecond(sec),
      backlog,
      behind: sum((h) => h.lag + Math.max(0, h.retried - h.retriesTaken)),
      publishP99: this.published.latency.second(sec).p99,
      handlerP99: worstOf(hs.map((h) => h.processing.second(sec))).p99,
      endToEndP99: worstOf(hs.map((h) => h.endToEnd.second(sec))).p99,
      uiP99: this.ui.latency.second(sec).p99,
    };
  }
}
