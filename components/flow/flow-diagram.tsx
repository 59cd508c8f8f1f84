"use client";
// The lesson's event state machine, live: created → published → stored →
// handler processing (feed, notification, analytics) → UI updated → complete,
// and under it the error path (error → retry topic → back to the handler, or →
// dead letter after the last attempt), lit once this run used it. Each box
// carries its rate and p50/p99 (coloured against the lesson's target); each
// arrow the events that took it.
import type { FlowFigures, HandlerFigures } from "@/lib/model/flow";
import { LESSON_TARGETS } from "@/lib/flow/targets";
import { ArrowDefs, FlowArrow, StageBox, type FigureLine } from "./diagram-parts";
import { fmtCount, fmtLatency, fmtRate, fmtShare, toneOf } from "./flow-format";

const T = LESSON_TARGETS;
const lat = (label: string, p50: number | null, p99: number | null, limit?: number): FigureLine => ({
  text: `${label ? `${label} ` : ""}p50 ${fmtLatency(p50)} · p99 ${fmtLatency(p99)}`,
  tone: limit === undefined ? undefined : toneOf(p99, limit),
});

const HANDLER_Y = [5, 100, 195] as const;

function handlerLines(h: HandlerFigures): FigureLine[] {
  return [
    { text: `${fmtCount(h.delivered)} given · ${fmtRate(h.handledPerSec)} handled` },
    lat("", h.processing.p50, h.processing.p99, T.handlerMs),
    { text: `errors ${fmtShare(h.errorRate)}`, tone: toneOf(h.errorRate, T.errorRate) },
  ];
}

export function FlowDiagram({ flow }: { flow: FlowFigures }) {
  const hs = flow.handlers;
  const sum = (f: (h: HandlerFigures) => number) => hs.reduce((n, h) => n + f(h), 0);
  const failures = sum((h) => h.failures);
  const retried = sum((h) => h.retried);
  const dead = sum((h) => h.deadLettered);
  const taken = retried - sum((h) => h.pendingRetries);
  const uiHandled = sum((h) => (h.handler === "analytics" ? 0 : h.handled));
  const summary =
    `Created ${fmtCount(flow.created.total)}, published ${fmtCount(flow.published.total)}, ` +
    hs.map((h) => `${h.handler} handled ${fmtCount(h.handled)}`).join(", ") +
    `, ${fmtCount(failures)} failed attempts, ${fmtCount(retried)} retried, ${fmtCount(dead)} dead-lettered, ${fmtCount(flow.ui.total)} UI updates measured.`;
  return (
    <svg viewBox="0 0 1200 380" role="img" aria-labelledby="flow-svg-title flow-svg-desc" className="h-auto w-full text-slate-900 [--flow-box:#ffffff] dark:text-slate-100 dark:[--flow-box:#0f172a]" data-testid="flow-diagram">
      <title id="flow-svg-title">Event flow</title>
      <desc id="flow-svg-desc">{summary}</desc>
      <ArrowDefs />
      <StageBox testId="stage-created" x={5} y={95} w={175} h={90} title="Created" data={{ total: flow.created.total, rate: flow.created.perSec }}
        lines={[{ text: `${fmtRate(flow.created.perSec)} · ${fmtCount(flow.created.total)}` }, lat("", flow.created.latency.p50, flow.created.latency.p99, T.creationMs), { text: `backlog ${fmtCount(flow.backlog)}` }]} />
      <FlowArrow points={[[180, 140], [205, 140]]} testId="arrow-publish" />
      <StageBox testId="stage-published" x={205} y={95} w={200} h={90} title="Published (acked)" data={{ total: flow.published.total, rate: flow.published.perSec }}
        lines={[{ text: `${fmtRate(flow.published.perSec)} · ${fmtCount(flow.published.total)}` }, lat("", flow.published.latency.p50, flow.published.latency.p99, T.publishMs),
          { text: `send retries ${fmtCount(flow.publishRetries)}`, tone: flow.publishRetriesPerSec > 0 ? "missed" : undefined }]} />
      <FlowArrow points={[[405, 140], [430, 140]]} testId="arrow-store" />
      <StageBox testId="stage-stored" x={430} y={95} w={190} h={90} title="Stored" data={{ total: flow.stored.total }}
        lines={[{ text: flow.storedClock === "LogAppendTime" ? "broker's log-append time" : "= acknowledged" }, lat("", flow.stored.latency.p50, flow.stored.latency.p99)]} />
      {hs.map((h, i) => {
        const y = HANDLER_Y[i] ?? 0;
        return (
          <g key={h.handler}>
            <FlowArrow points={[[620, 140], [640, 140], [640, y + 45], [660, y + 45]]} testId={`arrow-route-${h.handler}`} />
            <StageBox testId={`stage-handler-${h.handler}`} x={660} y={y} w={250} h={90} title={`${h.handler} handler`} data={{ handled: h.handled, failures: h.failures }} lines={handlerLines(h)} />
          </g>
        );
      })}
      <FlowArrow points={[[910, 55], [935, 55], [935, 110], [955, 110]]} testId="arrow-ui-feed" />
      <FlowArrow points={[[910, 145], [935, 145], [935, 120], [955, 120]]} testId="arrow-ui-notification" />
      <StageBox testId="stage-ui" x={955} y={70} w={240} h={90} title="UI updated" data={{ measured: flow.ui.total }}
        lines={[{ text: `${fmtCount(flow.ui.total)} timed in browsers` }, lat("", flow.ui.latency.p50, flow.ui.latency.p99, T.uiMs), { text: `of ${fmtCount(uiHandled)} feed items and alerts` }]} />
      <FlowArrow points={[[910, 235], [1075, 235], [1075, 220]]} testId="arrow-complete-analytics" />
      <FlowArrow points={[[1075, 160], [1075, 185]]} testId="arrow-complete-ui" />
      <StageBox testId="stage-complete" x={995} y={185} w={160} h={32} title="Complete" lines={[]} />
      <FlowArrow points={[[785, 285], [785, 300]]} kind="error" idle={failures === 0} testId="arrow-error" />
      <StageBox testId="stage-error" x={660} y={300} w={250} h={72} title="Error" kind="error" idle={failures === 0} data={{ failures }}
        lines={[{ text: `${fmtCount(failures)} failed attempts`, tone: failures > 0 ? "missed" : undefined }, { text: `${fmtRate(sum((h) => h.failuresPerSec))} now` }]} />
      <FlowArrow points={[[660, 336], [620, 336]]} kind="retry" idle={retried === 0} label={fmtCount(retried)} testId="arrow-retry" />
      <StageBox testId="stage-retry" x={430} y={300} w={190} h={72} title="Retry topic" kind="retry" idle={retried === 0} data={{ retried, pending: retried - taken }}
        lines={[{ text: `${fmtCount(retried)} written` }, { text: `${fmtCount(retried - taken)} waiting (backoff)` }]} />
      <FlowArrow points={[[525, 300], [525, 272], [650, 272], [650, 250], [660, 250]]} kind="retry" idle={taken === 0} label={`${fmtCount(taken)} tried again`} labelAt={1} testId="arrow-retry-again" />
      <FlowArrow points={[[910, 336], [955, 336]]} kind="error" idle={dead === 0} label={fmtCount(dead)} testId="arrow-dead-letter" />
      <StageBox testId="stage-dead-letter" x={955} y={300} w={240} h={72} title="Dead letter" kind="error" idle={dead === 0} data={{ deadLettered: dead }}
        lines={[{ text: `${fmtCount(dead)} failed for good`, tone: dead > 0 ? "missed" : undefined }, { text: "after the last attempt" }]} />
    </svg>
  );
}
