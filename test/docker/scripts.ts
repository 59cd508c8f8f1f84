// Runs our docker scripts from a test process (vitest's docker suite and the
// Playwright Docker run share it), and stops or starts the engine that
// scripts/docker-setup.sh started, for the "engine gone mid-run" tests.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseConfig } from "@/lib/config";
import { pollUntil } from "@/lib/util/poll";
import { DOCKER_TEST_ENV } from "./env";

/** docker-setup.sh's exit codes for "no engine can be had here". */
export const EXIT_NEEDS_ROOT = 3;
export const EXIT_NO_ENGINE = 4;

/** Where scripts/docker-setup.sh keeps the pid of the dockerd it starts. */
const OWN_DOCKERD_PID = "/var/run/streamsocial-dockerd.pid";

export interface ScriptResult {
  status: number | null;
  error?: string;
}

/**
 * Runs scripts/<name> for the test suites' compose cluster (DOCKER_TEST_ENV), output shown.
 * Asynchronous on purpose: a blocking spawnSync would stall the runner's main loop.
 */
export function dockerScript(name: string, args: string[], timeoutMs: number): Promise<ScriptResult> {
  const env = { ...process.env, ...DOCKER_TEST_ENV };
  const cfg = parseConfig(env);
  const child = spawn("bash", [path.join(cfg.ROOT, "scripts", name), "-p", cfg.COMPOSE_PROJECT, ...args], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...env, DOCKER_SOCKET: cfg.DOCKER_SOCKET },
    detached: true, // its own process group, so a timeout ends compose and docker too
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
    }, timeoutMs);
    child.once("error", (e) => {
      clearTimeout(timer);
      resolve({ status: null, error: e.message });
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ status: code, error: signal ? `killed by ${signal} (timeout ${timeoutMs / 1000} s?)` : undefined });
    });
  });
}

/** Why the docker suites cannot run here, for a setup exit code; null when they can. */
export function skipReasonOf(status: number | null): string | null {
  if (status === EXIT_NEEDS_ROOT) return "not root: cannot install or start a Docker engine here";
  if (status === EXIT_NO_ENGINE) return "the Docker engine cannot be started on this machine";
  return null;
}

function cmdlineOf(pid: number): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return null;
  }
}

/**
 * The dockerd our setup script started, when it is running with --live-restore
 * (so stopping it leaves the brokers running); otherwise why it may not be stopped.
 * An engine we did not start is somebody else's: tests never stop it.
 */
export function ownEngine(): { pid: number } | { refused: string } {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(OWN_DOCKERD_PID, "utf8").trim());
  } catch {
    return { refused: `no ${OWN_DOCKERD_PID}: the engine was not started by scripts/docker-setup.sh` };
  }
  const cmd = cmdlineOf(pid);
  if (!cmd || !path.basename(cmd[0] ?? "").startsWith("dockerd")) return { refused: `pid ${pid} in ${OWN_DOCKERD_PID} is not a running dockerd` };
  if (!cmd.includes("--live-restore")) return { refused: `our dockerd (pid ${pid}) runs without --live-restore: stopping it would stop the brokers` };
  return { pid };
}

/** Stops our dockerd (SIGTERM) and waits until it has exited. */
export async function stopOwnEngine(pid: number, timeoutMs = 60_000): Promise<void> {
  process.kill(pid, "SIGTERM");
  if (!(await pollUntil(() => cmdlineOf(pid) === null, { timeoutMs, intervalMs: 100 }))) {
    throw new Error(`dockerd (pid ${pid}) still running ${timeoutMs / 1000} s after SIGTERM`);
  }
}

/** Starts the engine again (scripts/docker-setup.sh --engine-only); live-restore re-adopts the containers. */
export async function startEngine(): Promise<void> {
  const r = await dockerScript("docker-setup.sh", ["--engine-only"], 120_000);
  if (r.status !== 0) throw new Error(`docker-setup.sh --engine-only failed (${r.error ?? `exit ${r.status}`})`);
}
