// Paces generated load to a target rate: how many records are due at a given
// instant, never more than the run's total, and never so far ahead of what has
// been sent that an outage turns into an unbounded backlog. Pure: time is passed in.

export interface PacerOptions {
  ratePerSec: number;
  startedAt: number;
  /** Hard cap on records over the whole run (rate × duration). */
  maxRecords: number;
  /** Generation stops at this instant, whatever is still due. */
  endsAt: number;
}

export class Pacer {
  private generated = 0;

  constructor(private readonly opts: PacerOptions) {
    if (!(opts.ratePerSec > 0)) throw new RangeError(`rate must be > 0 (got ${opts.ratePerSec})`);
    if (!(opts.maxRecords >= 0)) throw new RangeError(`maxRecords must be >= 0 (got ${opts.maxRecords})`);
  }

  /** Records that should exist by `now` on the schedule, bounded by the run's cap. */
  scheduledBy(now: number): number {
    const t = Math.min(now, this.opts.endsAt) - this.opts.startedAt;
    if (t <= 0) return 0;
    return Math.min(this.opts.maxRecords, Math.floor((t / 1000) * this.opts.ratePerSec));
  }

  /**
   * How many to generate now. `room` is how many more the caller can hold
   * (backlog cap); what does not fit is skipped, not owed, so a stalled
   * partition cannot turn into a burst of millions after it recovers.
   */
  take(now: number, room = Infinity): { count: number; skipped: number } {
    const due = Math.max(0, this.scheduledBy(now) - this.generated);
    const count = Math.max(0, Math.min(due, Math.floor(room)));
    this.generated += due; // skipped records are not owed later
    return { count, skipped: due - count };
  }

  get total(): number {
    return this.generated;
  }

  /** True once the schedule is exhausted (time over or cap reached). */
  done(now: number): boolean {
    return now >= this.opts.endsAt || this.generated >= this.opts.maxRecords;
  }
}

/** Milliseconds until the next record is due (for a sleep between ticks), at least `minMs`. */
export function msUntilNext(ratePerSec: number, minMs = 1, maxMs = 50): number {
  return Math.min(maxMs, Math.max(minMs, 1000 / ratePerSec));
}
