// Reports on disk: <dataDir>/reports/drill-<timestamp>.json (drills, safety
// comparisons and session-timeout sweeps alike, told apart by `kind`), written atomically,
// and a lock file so two processes (the dashboard and the CLI) never drill at once.
import fs from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "@/lib/util/atomic-file";
import { summarize, type AnyReport, type DrillReportSummary } from "./progress";

export const REPORT_ID_PATTERN = /^drill-\d{8}T\d{9}Z$/;

export const reportsDirOf = (dataDir: string) => path.join(dataDir, "reports");

/** drill-20250101T120000123Z: sortable, file-name safe, unique per millisecond. */
export function reportIdFor(startedAt: number): string {
  return `drill-${new Date(startedAt).toISOString().replace(/[-:.]/g, "")}`;
}

export function reportPath(dir: string, id: string): string {
  if (!REPORT_ID_PATTERN.test(id)) throw new RangeError(`not a drill report id: ${JSON.stringify(id.slice(0, 80))}`);
  return path.join(dir, `${id}.json`);
}

export function writeReport(dir: string, report: AnyReport): string {
  const file = reportPath(dir, report.id);
  writeFileAtomic(file, `${JSON.stringify(report, null, 1)}\n`);
  return file;
}

/** null when there is no such report (or it is not readable JSON). */
export function readReport(dir: string, id: string): AnyReport | null {
  try {
    return JSON.parse(fs.readFileSync(reportPath(dir, id), "utf8")) as AnyReport;
  } catch {
    return null;
  }
}

/** The newest `limit` reports, newest first. */
export function listReports(dir: string, limit = 50): DrillReportSummary[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const ids = names
    .filter((n) => n.endsWith(".json"))
    .map((n) => n.slice(0, -5))
    .filter((id) => REPORT_ID_PATTERN.test(id))
    .sort()
    .reverse()
    .slice(0, limit);
  return ids.flatMap((id) => {
    const file = path.join(dir, `${id}.json`);
    // Reports never change once written (atomic rename): parse each file once, not on every poll.
    const mtime = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    const cached = summaries.get(file);
    if (cached && cached.mtime === mtime) return [cached.summary];
    const r = readReport(dir, id);
    if (!r || mtime === undefined) return [];
    const summary = summarize(r);
    summaries.set(file, { mtime, summary });
    return [summary];
  });
}

const summaries = new Map<string, { mtime: number; summary: DrillReportSummary }>();

const pidAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Takes the cross-process drill lock; returns a release function, or the holder's pid when taken. */
export function acquireDrillLock(dir: string): { release: () => void } | { heldBy: number } {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, ".drill.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return { release: () => fs.rmSync(file, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(file, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && pidAlive(holder)) return { heldBy: holder };
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  return { heldBy: -1 };
}
