// Linux /proc readers: whether a pid is alive, frozen or a zombie, and whether
// it really is one of our brokers (pids get reused; we never signal a stranger).
import fs from "node:fs";
import os from "node:os";

export type ProcState = "running" | "paused" | "dead";

const CLK_TCK = 100; // USER_HZ on every Linux ABI Node supports

/** Field 3 of /proc/<pid>/stat: R/S/D/I running, T/t stopped, Z/X dead. */
export function procState(pid: number): ProcState {
  const stat = readStat(pid);
  if (!stat) return "dead";
  const state = stat.state;
  // A zombie leader thread can outlive nothing else: but while other threads of
  // the JVM still run its shutdown (and hold its ports), the process is not dead.
  if (state === "Z" || state === "X" || state === "x") return threadCount(pid) > 1 ? "running" : "dead";
  if (state === "T" || state === "t") return "paused";
  return "running";
}

function threadCount(pid: number): number {
  try {
    const m = /^Threads:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m?.[1] ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

interface Stat {
  state: string;
  startTicks: number;
  /** User + system CPU time, clock ticks. */
  cpuTicks: number;
}

function readStat(pid: number): Stat | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // comm (field 2) may hold spaces or parens: split after the last ')'.
  const rest = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const state = rest[0];
  const start = Number(rest[19]);
  if (!state || !Number.isFinite(start)) return undefined;
  return { state, startTicks: start, cpuTicks: Number(rest[11]) + Number(rest[12]) };
}

/** Epoch ms at which the process started, from its start time in clock ticks since boot. */
export function procStartedAt(pid: number): number | null {
  const stat = readStat(pid);
  if (!stat) return null;
  const bootMs = Date.now() - os.uptime() * 1000;
  return Math.round(bootMs + (stat.startTicks / CLK_TCK) * 1000);
}

/** True when the pid's command line names `marker` (our node's properties file). */
export function procCmdlineHas(pid: number, marker: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(marker);
  } catch {
    return false;
  }
}

/** Resident set size in bytes, or null when the process is gone. */
export function procRss(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m?.[1] ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time the process has used (user + system), ms; null when it is gone. */
export function procCpuMs(pid: number): number | null {
  const stat = readStat(pid);
  return stat ? (stat.cpuTicks / CLK_TCK) * 1000 : null;
}
