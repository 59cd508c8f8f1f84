import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { pollUntil } from "@/lib/util/poll";
import { procCmdlineHas, procCpuMs, procStartedAt, procState } from "./proc";

describe("proc", () => {
  it("sees a real child run, freeze, thaw and die", async () => {
    const child = spawn("sleep", ["30"]);
    const pid = child.pid as number;
    try {
      expect(procState(pid)).toBe("running");
      expect(procCmdlineHas(pid, "30")).toBe(true);
      expect(procCmdlineHas(pid, "31")).toBe(false);
      expect(Math.abs((procStartedAt(pid) ?? 0) - Date.now())).toBeLessThan(5000);
      process.kill(pid, "SIGSTOP");
      expect(await pollUntil(() => procState(pid) === "paused", { timeoutMs: 2000, intervalMs: 10 })).toBe(true);
      process.kill(pid, "SIGCONT");
      expect(await pollUntil(() => procState(pid) === "running", { timeoutMs: 2000, intervalMs: 10 })).toBe(true);
    } finally {
      child.kill("SIGKILL");
    }
    expect(await pollUntil(() => procState(pid) === "dead", { timeoutMs: 2000, intervalMs: 10 })).toBe(true);
    expect(procStartedAt(2 ** 22 + 1)).toBeNull();
  });

  it("reads a process's CPU time, which grows while it works", () => {
    const before = procCpuMs(process.pid) ?? NaN;
    const until = performance.now() + 200;
    while (performance.now() < until) {
      // spin: CPU time, not wall time
    }
    expect(before).toBeGreaterThan(0);
    // Loosely: other test workers share the two cores.
    expect((procCpuMs(process.pid) ?? 0) - before).toBeGreaterThanOrEqual(20);
    expect(procCpuMs(2 ** 22 + 1)).toBeNull();
  });
});
