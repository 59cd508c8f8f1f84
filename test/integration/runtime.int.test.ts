// The local runtime's single-node controls, checked against the real JVMs
// (and /proc, not only through our own code).
import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { registeredBrokers } from "@/lib/kafka/brokers";
import type { BrokerProcess } from "@/lib/runtime/types";
import { pollUntil } from "@/lib/util/poll";
import { INTEGRATION_ENV } from "./env";
import { testRuntime } from "./helpers";

const run = promisify(execFile);
const runtime = testRuntime();

function procStateChar(pid: number): string {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2)[0] ?? "?";
}

async function allRegistered(): Promise<boolean> {
  return (await registeredBrokers(runtime.bootstrap)).length === 3;
}

afterAll(async () => {
  for (const p of await runtime.list()) {
    if (p.status === "paused") await runtime.resume(p.id);
    if (p.status === "exited") await runtime.start(p.id);
  }
  await pollUntil(allRegistered, { timeoutMs: 90_000, intervalMs: 500 });
});

describe("local runtime", () => {
  it("watch() reports a SIGKILLed broker within 500 ms", async () => {
    const seen: { p: BrokerProcess; at: number }[] = [];
    const stop = runtime.watch((p) => seen.push({ p, at: Date.now() }));
    try {
      const pid = runtime.pidOf(3);
      expect(pid).toBeDefined();
      const t0 = Date.now();
      process.kill(pid as number, "SIGKILL"); // behind the runtime's back, like an OOM kill
      const noticed = await pollUntil(() => seen.some((s) => s.p.id === 3 && s.p.status === "exited"), {
        timeoutMs: 2000,
        intervalMs: 10,
      });
      expect(noticed).toBe(true);
      const hit = seen.find((s) => s.p.id === 3 && s.p.status === "exited");
      expect((hit?.at ?? Infinity) - t0).toBeLessThan(500);
    } finally {
      stop();
    }
    expect((await runtime.start(3)).status).toBe("running");
    expect(await pollUntil(allRegistered, { timeoutMs: 90_000, intervalMs: 500 })).toBe(true);
  });

  it("pauses (SIGSTOP) and resumes a broker", async () => {
    const paused = await runtime.pause(2);
    expect(paused.status).toBe("paused");
    expect(procStateChar(paused.pid as number)).toMatch(/[Tt]/);
    await expect(runtime.pause(2)).rejects.toThrow(/already paused/);
    const resumed = await runtime.resume(2);
    expect(resumed.status).toBe("running");
    expect(procStateChar(resumed.pid as number)).not.toMatch(/[Tt]/);
    await expect(runtime.resume(2)).rejects.toThrow(/not paused/);
  });

  it("stops gracefully, refuses double actions, and starts again", async () => {
    const stopped = await runtime.stop(1);
    expect(stopped.status).toBe("exited");
    await expect(runtime.kill(1)).rejects.toThrow(/not running/);
    await expect(runtime.stop(1)).rejects.toThrow(/not running/);
    const started = await runtime.start(1);
    expect(started.status).toBe("running");
    await expect(runtime.start(1)).rejects.toThrow(/already running/);
    expect(await pollUntil(allRegistered, { timeoutMs: 90_000, intervalMs: 500 })).toBe(true);
  });

  it("restart replaces the process with a new one", async () => {
    const before = runtime.pidOf(2);
    const after = await runtime.restart(2);
    expect(after.status).toBe("running");
    expect(after.pid).not.toBe(before);
    expect(await pollUntil(allRegistered, { timeoutMs: 90_000, intervalMs: 500 })).toBe(true);
  });

  it("refuses unknown broker ids", async () => {
    await expect(runtime.kill(7)).rejects.toThrow(/no broker 7/);
  });
});

describe("cluster CLI", () => {
  const cli = (...args: string[]) =>
    run("npx", ["tsx", "scripts/cluster.ts", ...args], { env: { ...process.env, ...INTEGRATION_ENV } }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );

  it("rejects bad calls with a non-zero exit and changes nothing", async () => {
    const pids = () => runtime.brokerIds.map((id) => runtime.pidOf(id));
    const before = pids();
    expect(before.every((p) => p !== undefined)).toBe(true);
    const cases: [string[], RegExp][] = [
      [["kill", "7"], /no broker 7/],
      [["kill"], /needs a broker id/],
      [["kill", "two"], /must be a number/],
      [["explode", "1"], /unknown command/],
      [[], /no command/],
      [["up", "1"], /takes no broker id/],
      [["up", "--brokers", "12"], /--brokers \(LOCAL_BROKERS\): Too big: expected number to be <=9/],
      [["up", "--controllers", "5"], /LOCAL_CONTROLLERS must be "combined" or "3"/],
      [["up", "--brokers"], /needs a value/],
      [["up", "--replicas", "3"], /unknown flag --replicas/],
      // The test cluster was formatted as the lesson's 3 combined nodes: another shape is refused, nothing changes.
      [["up", "--brokers", "5", "--controllers", "3"], /formatted as 3 brokers with combined controllers, not 5 brokers \+ 3 dedicated controllers.*--wipe/],
    ];
    // All at once: each is refused before it touches anything (the pids below say so).
    const results = await Promise.all(cases.map(([args]) => cli(...args)));
    cases.forEach(([args, message], i) => {
      expect(results[i]!.code, args.join(" ")).not.toBe(0);
      expect(results[i]!.out, args.join(" ")).toMatch(message);
    });
    expect(pids()).toEqual(before);
  });

  it("status lists every broker as running and registered", async () => {
    const r = await cli("status");
    expect(r.code).toBe(0);
    // The last column lists network faults: none.
    for (const id of [1, 2, 3]) expect(r.out).toMatch(new RegExp(`^${id}\\s+combined\\s+running\\s+\\d+.*yes\\s+-$`, "m"));
  });
});
