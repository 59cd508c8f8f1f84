// The CLI's `status` table. Pure, so it is tested with plain data.
import { faultLabel } from "@/lib/model/runtime";
import type { BrokerProcess } from "./types";

export function formatStatusTable(
  procs: BrokerProcess[],
  registered: ReadonlySet<number>,
  rssOf: (pid: number) => number | null,
  now = Date.now(),
): string {
  const rows = procs.map((p) => {
    const rss = p.pid !== undefined ? rssOf(p.pid) : null;
    return [
      String(p.id),
      p.role ?? "broker",
      p.status,
      p.pid !== undefined ? String(p.pid) : "-",
      p.since !== null ? formatAge(now - p.since) : "-",
      rss !== null ? `${Math.round(rss / 1024 / 1024)} MiB` : "-",
      // A dedicated controller never registers as a broker.
      p.role === "controller" ? "-" : registered.has(p.id) ? "yes" : "no",
      (p.faults ?? []).map((f) => `${faultLabel(f)} ${formatAge(now - f.since)}`).join(", ") || "-",
    ];
  });
  const header = ["node", "role", "status", "pid", "for", "rss", "registered", "faults"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}
