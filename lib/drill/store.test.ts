import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDrillLock, listReports, readReport, reportIdFor, reportPath, REPORT_ID_PATTERN } from "./store";

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "drill-store-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("drill report store", () => {
  it("makes sortable, path-safe ids and refuses anything else", () => {
    const id = reportIdFor(Date.UTC(2025, 0, 2, 3, 4, 5, 6));
    expect(id).toBe("drill-20250102T030405006Z");
    expect(REPORT_ID_PATTERN.test(id)).toBe(true);
    expect(() => reportPath("/r", "../../etc/passwd")).toThrow(/not a drill report id/);
    expect(reportPath("/r", id)).toBe(`/r/${id}.json`);
  });

  it("lists newest first, skipping files that are not reports", () => {
    const dir = tmp();
    const write = (id: string, passed: boolean) =>
      fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ id, startedAt: 1, finishedAt: 2, params: {}, targetBrokerId: 1, cancelled: false, verify: null, figures: { recoveryMs: null, degradationPct: null, baselineAcksPerSec: null }, criteria: { passed } }));
    write("drill-20250101T000000000Z", true);
    write("drill-20250301T000000000Z", false);
    fs.writeFileSync(path.join(dir, "notes.json"), "{}");
    fs.writeFileSync(path.join(dir, "drill-20250401T000000000Z.json"), "{ torn");
    expect(listReports(dir).map((r) => [r.id, r.passed])).toEqual([
      ["drill-20250301T000000000Z", false],
      ["drill-20250101T000000000Z", true],
    ]);
    expect(readReport(dir, "drill-20250401T000000000Z")).toBeNull();
    expect(listReports(path.join(dir, "missing"))).toEqual([]);
  });

  it("lets one holder at a time take the drill lock, and takes over a stale one", () => {
    const dir = tmp();
    const first = acquireDrillLock(dir);
    expect("release" in first).toBe(true);
    expect(acquireDrillLock(dir)).toEqual({ heldBy: process.pid });
    if ("release" in first) first.release();
    fs.writeFileSync(path.join(dir, ".drill.lock"), "999999999"); // no such process
    const again = acquireDrillLock(dir);
    expect("release" in again).toBe(true);
  });
});
