// Counts per second: a total and a ring of one-second buckets (bounded: 60 of
// them), read as "events/s over the last N whole seconds" and "in that second".

const RING = 60;

export class RateCounter {
  total = 0;
  private readonly secs = new Array<number>(RING).fill(-1);
  private readonly counts = new Array<number>(RING).fill(0);

  add(n: number, now: number): void {
    if (n <= 0) return;
    this.total += n;
    const sec = Math.floor(now / 1000);
    const i = sec % RING;
    if (this.secs[i] !== sec) {
      this.secs[i] = sec;
      this.counts[i] = 0;
    }
    this.counts[i]! += n;
  }

  /** Count recorded in second `sec` (epoch seconds), 0 when none or forgotten. */
  inSecond(sec: number): number {
    const i = ((sec % RING) + RING) % RING;
    return this.secs[i] === sec ? this.counts[i]! : 0;
  }

  /**
   * Mean per second over the `seconds` whole seconds before `now`'s own (which
   * is still filling up and would read low).
   */
  perSec(now: number, seconds = 5): number {
    const sec = Math.floor(now / 1000);
    let sum = 0;
    for (let s = sec - seconds; s < sec; s++) sum += this.inSecond(s);
    return sum / seconds;
  }
}
