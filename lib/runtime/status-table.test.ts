import { describe, expect, it } from "vitest";
import { formatAge, formatStatusTable } from "./status-table";

describe("formatStatusTable", () => {
  it("shows role, status, pid, age, memory and registration per node", () => {
    const now = 1_000_000;
    const table = formatStatusTable(
      [
        { id: 1, status: "running", pid: 101, since: now - 65_000 },
        { id: 2, status: "exited", since: now - 4000 },
        { id: 3, status: "paused", pid: 303, since: null, faults: [{ kind: "partition", since: now - 12_000 }] },
        { id: 101, role: "controller", status: "running", pid: 404, since: now - 1000 },
      ],
      new Set([1]),
      (pid) => (pid === 101 ? 350 * 1024 * 1024 : null),
      now,
    );
    const rows = table.split("\n");
    expect(rows[0]).toMatch(/^node\s+role\s+status\s+pid\s+for\s+rss\s+registered\s+faults$/);
    expect(rows[1]).toMatch(/^1\s+broker\s+running\s+101\s+1m05s\s+350 MiB\s+yes\s+-$/);
    expect(rows[2]).toMatch(/^2\s+broker\s+exited\s+-\s+4s\s+-\s+no\s+-$/);
    expect(rows[3]).toMatch(/^3\s+broker\s+paused\s+303\s+-\s+-\s+no\s+partition 12s$/);
    expect(rows[4]).toMatch(/^101\s+controller\s+running\s+404\s+1s\s+-\s+-\s+-$/);
  });

  it("formats ages", () => {
    expect(formatAge(0)).toBe("0s");
    expect(formatAge(59_400)).toBe("59s");
    expect(formatAge(3_600_000 + 120_000)).toBe("1h02m");
    expect(formatAge(-5)).toBe("0s");
  });
});
