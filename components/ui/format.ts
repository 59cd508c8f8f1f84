// Number and time wording for the pages: fixed shapes so values change without moving the layout.
import { formatDuration } from "@/lib/monitor/words";

export { formatDuration };

const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

/** "14:03:22" in the browser's time zone. */
export function formatClock(ms: number): string {
  return clock.format(ms);
}

const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export function formatInt(n: number): string {
  return int.format(n);
}

/** Messages per second; "—" when the monitor could not compute it. */
export function formatRate(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return n >= 100 ? int.format(n) : oneDecimal.format(n);
}

export function formatBytesRate(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  if (n < 1024) return `${int.format(n)} B/s`;
  if (n < 1024 * 1024) return `${oneDecimal.format(n / 1024)} KiB/s`;
  return `${oneDecimal.format(n / (1024 * 1024))} MiB/s`;
}

/** "1.2 GiB", "340.5 MiB", "12 B". */
export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${int.format(v)} B` : `${oneDecimal.format(v)} ${units[u]}`;
}

/** "35 s ago", for how old a last-known state is. */
export function formatAgo(at: number, now: number): string {
  return `${formatDuration(Math.max(0, now - at))} ago`;
}
