// The slow fault's proxy: one Toxiproxy server per local cluster, started when a
// broker is first slowed and stopped when the last slow fault is healed. It runs
// in a cgroup of its own, so the nat rules that steer traffic into it can leave
// its own connections upstream alone. Every proxy it holds is named after this
// cluster (ss-<key>-...), and only those are ever touched.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { writeFileAtomic } from "@/lib/util/atomic-file";
import { pollUntil } from "@/lib/util/poll";
import { RuntimeFailure } from "../types";
import { ensureNodeCgroup } from "./cgroup";

export interface ProxySpec {
  name: string;
  listen: string;
  upstream: string;
}

export interface ToxiproxyOptions {
  bin: string;
  apiPort: number;
  pidFile: string;
  logFile: string;
  /** cgroup2 mount and the server's cgroup under it. */
  cgroupRoot: string;
  cgroup: string;
  /** Proxy names start with this; nothing else is ours. */
  prefix: string;
}

const API_TIMEOUT_MS = 3000;

export class Toxiproxy {
  constructor(private readonly o: ToxiproxyOptions) {}

  get api(): string {
    return `http://127.0.0.1:${this.o.apiPort}`;
  }

  installed(): boolean {
    try {
      fs.accessSync(this.o.bin, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  }

  /** Our server's pid when it runs (the pid file names a live toxiproxy process). */
  pid(): number | undefined {
    let pid: number;
    try {
      pid = Number(fs.readFileSync(this.o.pidFile, "utf8").trim());
    } catch {
      return undefined;
    }
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      return cmdline.includes(this.o.bin) && cmdline.includes(String(this.o.apiPort)) ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /** Starts the server unless ours already runs; refuses a port held by anyone else. */
  async ensure(): Promise<void> {
    if (this.pid() !== undefined && (await this.answers())) return;
    if (await this.answers()) throw new RuntimeFailure("proxy_port_taken", `port ${this.o.apiPort} already answers as a Toxiproxy that is not this cluster's: stop it or set LOCAL_PORT_BASE`);
    const procs = ensureNodeCgroup(this.o.cgroupRoot, this.o.cgroup);
    if (procs === null) throw new RuntimeFailure("proxy_cgroup", `cannot create the proxy's cgroup under ${this.o.cgroupRoot}`);
    const out = fs.openSync(this.o.logFile, "a");
    const child = spawn("/bin/sh", ["-c", 'echo $$ > "$0"; exec "$@"', procs, this.o.bin, "-host", "127.0.0.1", "-port", String(this.o.apiPort)], {
      detached: true,
      stdio: ["ignore", out, out],
      env: { ...process.env, LOG_LEVEL: "warn" },
    });
    fs.closeSync(out);
    child.once("error", () => undefined);
    child.unref();
    if (child.pid === undefined) throw new RuntimeFailure("proxy_start_failed", `cannot start ${this.o.bin}`);
    writeFileAtomic(this.o.pidFile, String(child.pid));
    const up = await pollUntil(() => this.answers(), { timeoutMs: 5000, intervalMs: 50 });
    if (!up) {
      this.stopNow();
      throw new RuntimeFailure("proxy_start_failed", `Toxiproxy did not answer on ${this.api} within 5 s (log: ${this.o.logFile})`);
    }
  }

  /** Creates a proxy with a latency toxic on what flows back to the caller. */
  async addLatencyProxy(p: ProxySpec, delayMs: number, jitterMs: number): Promise<void> {
    this.assertOurs(p.name);
    await this.call("POST", "/proxies", { name: p.name, listen: p.listen, upstream: p.upstream, enabled: true });
    await this.call("POST", `/proxies/${p.name}/toxics`, { name: "slow", type: "latency", stream: "downstream", toxicity: 1, attributes: { latency: delayMs, jitter: jitterMs } });
  }

  /** Our proxy names on the server (none when it does not run). */
  async names(): Promise<string[]> {
    if (this.pid() === undefined) return [];
    const all = (await this.call("GET", "/proxies").catch(() => ({}))) as Record<string, unknown>;
    return Object.keys(all).filter((n) => n.startsWith(this.o.prefix));
  }

  async remove(name: string): Promise<void> {
    this.assertOurs(name);
    await this.call("DELETE", `/proxies/${name}`).catch(() => undefined); // already gone is fine
  }

  /** Stops our server (its proxies close their connections with it). */
  async stop(): Promise<void> {
    const pid = this.pid();
    if (pid === undefined) return;
    process.kill(pid, "SIGTERM");
    const gone = await pollUntil(() => this.pid() === undefined || !alive(pid), { timeoutMs: 3000, intervalMs: 50 });
    if (!gone) process.kill(pid, "SIGKILL");
    fs.rmSync(this.o.pidFile, { force: true });
  }

  stopNow(): void {
    const pid = this.pid();
    if (pid !== undefined) spawnSync("kill", ["-KILL", String(pid)], { stdio: "ignore" });
    fs.rmSync(this.o.pidFile, { force: true });
  }

  private assertOurs(name: string): void {
    if (!name.startsWith(this.o.prefix)) throw new Error(`proxy ${name} is not this cluster's`);
  }

  private async answers(): Promise<boolean> {
    return this.call("GET", "/version").then(
      () => true,
      () => false,
    );
  }

  private async call(method: string, route: string, body?: unknown): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${this.api}${route}`, {
        method,
        headers: body === undefined ? undefined : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(API_TIMEOUT_MS),
      });
    } catch (err) {
      throw new RuntimeFailure("proxy_unreachable", `Toxiproxy ${method} ${route}: ${(err as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) throw new RuntimeFailure("proxy_failed", `Toxiproxy ${method} ${route}: HTTP ${res.status} ${text.trim().slice(0, 200)}`);
    try {
      return text === "" ? null : (JSON.parse(text) as unknown);
    } catch {
      return text; // GET /version answers in plain text
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
