// Runs the host's iptables (nft backend on Debian), waiting for its lock, with a
// deadline: a fault action must fail in words, never hang.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { RuntimeFailure } from "../types";

const run = promisify(execFile);

export async function iptables(args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run("iptables", ["-w", "5", ...args], { timeout: 10_000 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message?: string; code?: string };
    if (e.code === "ENOENT") throw new RuntimeFailure("iptables_missing", "iptables is not installed (apt-get install iptables)");
    throw new RuntimeFailure("iptables_failed", `iptables ${args.join(" ")}: ${(e.stderr || e.message || "failed").trim().slice(0, 300)}`);
  }
}

/** Like iptables(), but a failure is an answer (false), for probes and idempotent clean-up. */
export async function iptablesOk(args: readonly string[]): Promise<boolean> {
  return iptables(args).then(
    () => true,
    () => false,
  );
}
