// A cgroup (v2) of its own for each local node, so iptables can tell its sockets
// from every other process's on loopback (`-m cgroup --path`). A socket keeps the
// cgroup it was created in, so the node is placed there before it execs Java.
import fs from "node:fs";
import path from "node:path";

/** Where the cgroup2 hierarchy is mounted (/sys/fs/cgroup, or /sys/fs/cgroup/unified on hybrid hosts); null when it is not. */
export function cgroup2Root(mounts = readMounts()): string | null {
  for (const line of mounts.split("\n")) {
    const [, mountPoint, type] = line.split(" ");
    if (type === "cgroup2" && mountPoint) return mountPoint;
  }
  return null;
}

function readMounts(): string {
  try {
    return fs.readFileSync("/proc/mounts", "utf8");
  } catch {
    return "";
  }
}

export const nodeCgroup = (key: string, id: number) => `streamsocial/${key}/node-${id}`;

/** Creates the node's cgroup; returns its cgroup.procs file, or null when that cannot be done here. */
export function ensureNodeCgroup(root: string | null, rel: string): string | null {
  if (root === null) return null;
  const dir = path.join(root, rel);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const procs = path.join(dir, "cgroup.procs");
    fs.accessSync(procs, fs.constants.W_OK);
    return procs;
  } catch {
    return null;
  }
}

/** True when the process runs in exactly that cgroup (its cgroup2 line in /proc/<pid>/cgroup). */
export function processInCgroup(pid: number, rel: string): boolean {
  try {
    return fs
      .readFileSync(`/proc/${pid}/cgroup`, "utf8")
      .split("\n")
      .some((l) => l === `0::/${rel}`);
  } catch {
    return false;
  }
}
