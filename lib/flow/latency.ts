// Bounded latency recording on HDR histograms (hdr-histogram-js): a fixed
// footprint (~14 KiB each, 2 significant digits, 1 µs .. 1 h) whatever the
// rate or the run's length. A WindowedLatency keeps the whole run and a ring of
// one-second slices, so the page can show "p99 over the last 10 s" and the
// charts "p99 in that second".
import { build, type Histogram } from "hdr-histogram-js";
import type { LatencySummary } from "@/lib/model/flow";

/** Values are recorded in microseconds: sub-millisecond stages (creation) stay readable. */
const HIGHEST_US = 3_600_000_000;

export function newHistogram(): Histogram {
  return build({
    bitBucketSize: 32,
    autoResize: false,
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_US,
    numberOfSignificantValueDigits: 2,
    useWebAssembly: false,
  });
}

/** Clamped into the histogram's range: a clock step backwards reads as 1 µs, never a throw. */
export function toMicros(ms: number): number {
  if (!Number.isFinite(ms)) return HIGHEST_US;
  return Math.min(HIGHEST_US, Math.max(1, Math.round(ms * 1000)));
}

export function recordMs(h: Histogram, ms: number, count = 1): void {
  if (count <= 0) return;
  h.recordValueWithCount(toMicros(ms), count);
}

const ms = (us: number) => Math.round(us) / 1000;

export function summarize(h: Histogram): LatencySummary {
  const count = h.totalCount;
  if (count === 0) return { count: 0, p50: null, p99: null, max: null };
  return { count, p50: ms(h.getValueAtPercentile(50)), p99: ms(h.getValueAtPercentile(99)), max: ms(h.maxValue) };
}

export const EMPTY_SUMMARY: LatencySummary = { count: 0, p50: null, p99: null, max: null };

export class WindowedLatency {
  readonly run = newHistogram();
  private readonly slices: { sec: number; h: Histogram }[];
  private readonly scratch = newHistogram();

  constructor(private readonly windowSec = 10) {
    this.slices = Array.from({ length: windowSec }, () => ({ sec: -1, h: newHistogram() }));
  }

  record(latencyMs: number, count: number, now: number): void {
    if (count <= 0) return;
    const us = toMicros(latencyMs);
    this.run.recordValueWithCount(us, count);
    this.slice(Math.floor(now / 1000)).recordValueWithCount(us, count);
  }

  /** Over the last `windowSec` seconds up to `now` (the current, partial second included). */
  window(now: number): LatencySummary {
    const sec = Math.floor(now / 1000);
    this.scratch.reset();
    for (const s of this.slices) if (s.sec > sec - this.windowSec && s.sec <= sec) this.scratch.add(s.h);
    return summarize(this.scratch);
  }

  /** One whole second, for a chart point. */
  second(sec: number): LatencySummary {
    const s = this.slices[((sec % this.windowSec) + this.windowSec) % this.windowSec]!;
    return s.sec === sec ? summarize(s.h) : EMPTY_SUMMARY;
  }

  runSummary(): LatencySummary {
    return summarize(this.run);
  }

  private slice(sec: number): Histogram {
    const s = this.slices[((sec % this.windowSec) + this.windowSec) % this.windowSec]!;
    if (s.sec !== sec) {
      s.sec = sec;
      s.h.reset();
    }
    return s.h;
  }
}
