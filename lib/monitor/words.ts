// Small wording helpers shared by the banner and the timeline.

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

const MAX_LISTED = 6;

/** "2, 3" or, for a big cluster, "1, 2, 3, 4, 5, 6 and 24 more". */
export function listIds(ids: readonly number[], max = MAX_LISTED): string {
  if (ids.length <= max) return ids.join(", ");
  return `${ids.slice(0, max).join(", ")} and ${ids.length - max} more`;
}

/** "11.4 s", "2 min 5 s": a recovery time as an operator says it. */
export function formatDuration(ms: number): string {
  const tenths = Math.round(Math.max(0, ms) / 100);
  if (tenths < 600) return `${(tenths / 10).toFixed(1)} s`;
  const s = tenths / 10;
  const whole = Math.round(s);
  const m = Math.floor(whole / 60);
  if (m < 60) return `${m} min ${whole % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
