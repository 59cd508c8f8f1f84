// A fault chain's life, the same on the host and inside a container's namespace:
// create it with its jump rules, and remove it whole (flush, unhook, delete),
// also synchronously for a process that is exiting. `jumps` are full rule specs
// whose first word is the hook (OUTPUT, INPUT).
import { spawnSync } from "node:child_process";
import { iptables, iptablesCommand, iptablesOk } from "./iptables";
import { chainName } from "./rules";

export async function ensureChain(key: string, jumps: readonly string[][], netnsPid?: number): Promise<void> {
  const chain = chainName(key);
  if (!(await iptablesOk(["-S", chain], netnsPid))) await iptables(["-N", chain], netnsPid);
  for (const jump of jumps) {
    if (!(await iptablesOk(["-C", ...jump], netnsPid))) await iptables(["-I", jump[0] as string, "1", ...jump.slice(1)], netnsPid);
  }
}

export async function removeChain(key: string, jumps: readonly string[][], netnsPid?: number): Promise<void> {
  const chain = chainName(key);
  if (!(await iptablesOk(["-S", chain], netnsPid))) return;
  await iptablesOk(["-F", chain], netnsPid);
  for (const jump of jumps) while (await iptablesOk(["-C", ...jump], netnsPid)) await iptables(["-D", ...jump], netnsPid);
  await iptablesOk(["-X", chain], netnsPid);
}

export function removeChainNow(key: string, jumps: readonly string[][], netnsPid?: number): void {
  const run = (args: string[]) => {
    const [cmd, argv] = iptablesCommand(args, netnsPid);
    return spawnSync(cmd, argv, { timeout: 10_000, stdio: "ignore" }).status === 0;
  };
  const chain = chainName(key);
  if (!run(["-S", chain])) return;
  run(["-F", chain]);
  for (const jump of jumps) for (let i = 0; i < 10 && run(["-C", ...jump]); i++) run(["-D", ...jump]);
  run(["-X", chain]);
}
