// The dashboard's production server, started for a suite or a bench against its
// own cluster: built when missing or older than its sources, refused when something already answers on the
// port (it would be tested in our place), and waited for until /api/cluster
// answers 200. Used by the integration suite, the Docker e2e run and the benches.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pollUntil } from "@/lib/util/poll";

export interface DashboardServerOptions {
  port: number;
  /** The suite's environment on top of ours (RUNTIME, DATA_DIR, ...). */
  env: Record<string, string>;
  /** Keeps the server's output on disk: after a failure its own words are the first thing to read. */
  logFile?: string;
  /** Also shows the server's output on this process's console. */
  echo?: boolean;
  timeoutMs?: number;
  /** The address to bind (127.0.0.1 unless a test is about exposure). */
  host?: string;
  /** Headers the readiness poll sends (a token, when reads need it). */
  readyHeaders?: Record<string, string>;
}

export interface DashboardServer {
  url: string;
  child: ChildProcess;
  /** SIGTERM to the server, SIGKILL after 10 s; resolves once it has exited. */
  stop(): Promise<void>;
}

/** The newest modification time of what goes into the build (tests excluded). */
function newestSource(): number {
  let newest = 0;
  const visit = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else if (!/\.test\.tsx?$/.test(p)) newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ["app", "components", "lib", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json"]) visit(p);
  return newest;
}

/** Builds when there is no build or a source is newer than it: a bench must never measure yesterday's code. */
export function ensureBuild(): void {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const built = fs.statSync(path.join(dist, "BUILD_ID"), { throwIfNoEntry: false });
  if (built && built.mtimeMs >= newestSource()) return;
  if (built) console.log(`[build] sources newer than ${dist}: building again`);
  const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("next build failed");
}

export async function startDashboard(opts: DashboardServerOptions): Promise<DashboardServer> {
  const url = `http://127.0.0.1:${opts.port}`;
  ensureBuild();
  const stale = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(() => true, () => false);
  if (stale) throw new Error(`something already listens on ${url}: stop it (a dashboard left from an earlier run?)`);

  // next's own entry point, not npx: our signals then reach the server itself.
  const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
  const host = opts.host ?? "127.0.0.1";
  const child = spawn(process.execPath, [nextBin, "start", "-H", host, "-p", String(opts.port)], {
    // HOST and PORT as bound: the server refuses requests whose Host names another port.
    env: { ...process.env, ...opts.env, HOST: host, PORT: String(opts.port), NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out: fs.WriteStream | undefined;
  if (opts.logFile) {
    fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
    out = fs.createWriteStream(opts.logFile);
  }
  let tail = "";
  const capture = (d: Buffer) => {
    out?.write(d);
    if (opts.echo) process.stdout.write(d);
    tail = (tail + d.toString()).slice(-5000);
  };
  child.stdout?.on("data", capture);
  child.stderr?.on("data", capture);

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    out?.end();
  };

  const timeoutMs = opts.timeoutMs ?? 60_000;
  const up = await pollUntil(
    async () => child.exitCode !== null || (await fetch(`${url}/api/cluster`, { headers: opts.readyHeaders })).status === 200, // an exited server: no point waiting
    { timeoutMs, intervalMs: 250 },
  );
  if (!up || child.exitCode !== null) {
    await stop();
    throw new Error(`dashboard server on ${url} did not come up within ${timeoutMs / 1000} s (exit code ${child.exitCode}):\n${tail.slice(-3000)}`);
  }
  return { url, child, stop };
}
