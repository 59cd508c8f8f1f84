// Paces the traffic to a rate that the operator may change mid-run: how many
// events are due at an instant, never past the run's end or its count bound.
// What the caller cannot take (its backlog is full) is skipped, not owed: a
// stalled cluster does not turn into a burst afterwards. Pure: time is passed in.

export class RatePacer {
  /** The schedule is piecewise linear: `base` events due at `segmentStart`, `rate`/s after. */
  private segmentStart: number;
  private base = 0;
  private created = 0;
  skipped = 0;
  private budget: number;

  constructor(
    private rate: number,
    startedAt: number,
    private readonly endsAt: number,
    /** The operator's own count bound, if any: kept whatever the rate becomes. */
    private readonly maxEvents = Infinity,
  ) {
    if (!(rate > 0)) throw new RangeError(`rate must be > 0 (got ${rate})`);
    this.segmentStart = startedAt;
    this.budget = Math.min(maxEvents, Math.round((rate * Math.max(0, endsAt - startedAt)) / 1000));
  }

  /** Events due by `now` on the schedule (fractional). */
  private dueBy(now: number): number {
    const until = Math.min(now, this.endsAt);
    return this.base + (Math.max(0, until - this.segmentStart) * this.rate) / 1000;
  }

  /** A new rate from now on; the count bound becomes what is due so far plus the new rate until the end. */
  setRate(rate: number, now: number): void {
    if (!(rate > 0)) throw new RangeError(`rate must be > 0 (got ${rate})`);
    this.base = this.dueBy(now);
    this.segmentStart = Math.min(now, this.endsAt);
    this.rate = rate;
    const rest = Math.round((rate * Math.max(0, this.endsAt - now)) / 1000);
    this.budget = Math.min(this.maxEvents, Math.floor(this.base) + rest);
  }

  /** Events to make now, at most `room`. */
  take(now: number, room = Infinity): number {
    const due = Math.max(0, Math.min(Math.floor(this.dueBy(now) + 1e-9), this.budget) - this.created - this.skipped);
    const count = Math.max(0, Math.min(due, Math.floor(room)));
    this.created += count;
    this.skipped += due - count;
    return count;
  }

  get total(): number {
    return this.created;
  }

  get countBound(): number {
    return this.budget;
  }

  /** True once the time is over or the count bound reached. */
  done(now: number): boolean {
    return now >= this.endsAt || this.created + this.skipped >= this.budget;
  }
}
