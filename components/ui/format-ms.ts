// Millisecond latencies: one decimal while small, so a 0.8 ms probe does not read as "1 ms".
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return `${ms < 10 ? oneDecimal.format(ms) : int.format(ms)} ms`;
}

