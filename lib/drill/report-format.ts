// How the kept reports (Markdown, print page, comparison) write numbers and
// times: fixed, locale-free shapes, so a file reads the same wherever it is opened.

export const int = (n: number) => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
/** 7100 → "7.1 s". */
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** A duration that may not have been measured: `none` says why. */
export const secsOr = (ms: number | null | undefined, none = "—") => (ms === null || ms === undefined ? none : secs(ms));
export const rate = (n: number | null, none = "—") => (n === null ? none : `${int(n)} acks/s`);
export const pct = (n: number | null, none = "—") => (n === null ? none : `${n.toFixed(1)} %`);
export const countOr = (n: number | null | undefined, none = "—") => (n === null || n === undefined ? none : int(n));
/** "2024-11-29 12:00:00 UTC": the same for every reader. */
export const utc = (t: number) => `${new Date(t).toISOString().slice(0, 19).replace("T", " ")} UTC`;
export const plural = (n: number, one: string, many = `${one}s`) => `${int(n)} ${n === 1 ? one : many}`;

export type FigureUnit = "ms" | "acks/s" | "%" | "records" | "count";

/** A key figure in its unit; null was measured as nothing ("—"). */
export function figureText(v: number | null, unit: FigureUnit): string {
  if (v === null) return "—";
  if (unit === "ms") return secs(v);
  if (unit === "acks/s") return `${int(v)} acks/s`;
  if (unit === "%") return `${v.toFixed(1)} %`;
  return int(v);
}

/** B − A with its sign; a change of a percentage is in points, not per cent. */
export function diffText(d: number, unit: FigureUnit): string {
  const sign = d > 0 ? "+" : d < 0 ? "−" : "±";
  const a = Math.abs(d);
  if (unit === "ms") return `${sign}${(a / 1000).toFixed(1)} s`;
  if (unit === "acks/s") return `${sign}${int(a)} acks/s`;
  if (unit === "%") return `${sign}${a.toFixed(1)} points`;
  return `${sign}${int(a)}`;
}
