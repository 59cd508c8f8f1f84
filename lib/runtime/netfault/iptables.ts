// Runs the host's iptables (nft backend on Debian), waiting for its lock, with a
// deadline: a fault action must fail in words, never hang.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { RuntimeFailure } from "../types";

const run = promisify(execFile);

/** The command line: the host's iptables, inside process `netnsPid`'s network namespace when given (a container's). */
export function iptablesCommand(args: readonly string[], netnsPid?: number): [string, string[]] {
  return netnsPid === undefined ? ["iptables", ["-w", "5", ...args]] : ["nsenter", ["-t", String(netnsPid), "-n", "iptables", "-w", "5", ...args]];
}

export async function iptables(args: readonly string[], netnsPid?: number): Promise<string> {
  try {
    const [cmd, argv] = iptablesCommand(args, netnsPid);
    const { stdout } = await run(cmd, argv, { timeout: 10_000 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message?: string; code?: string };
    if (e.code === "ENOENT") throw new RuntimeFailure("iptables_missing", "iptables (or nsenter) is not installed (apt-get install iptables util-linux)");
    throw new RuntimeFailure("iptables_failed", `iptables ${args.join(" ")}: ${(e.stderr || e.message || "failed").trim().slice(0, 300)}`);
  }
}

/** Like iptables(), but a failure is an answer (false), for probes and idempotent clean-up. */
export async function iptablesOk(args: readonly string[], netnsPid?: number): Promise<boolean> {
  return iptables(args, netnsPid).then(
    () => true,
    () => false,
  );
}
