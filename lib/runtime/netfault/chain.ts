// A fault chain's life, the same on the host and inside a container's namespace,
// in the filter table (drops) or the nat table (the slow fault's redirects):
// create it with its jump rules, and remove it whole (flush, unhook, delete),
// also synchronously for a process that is exiting. `jumps` are full rule specs
// whose first word is the hook (OUTPUT, INPUT).
import { spawnSync } from "node:child_process";
import { iptables, iptablesCommand, iptablesOk } from "./iptables";
import { chainName } from "./rules";

export interface ChainWhere {
  /** A container's init pid: its network namespace. Absent: the host's. */
  netnsPid?: number;
  table?: "filter" | "nat";
}

const inTable = (args: readonly string[], table: ChainWhere["table"]) => (table && table !== "filter" ? ["-t", table, ...args] : [...args]);

export async function ensureChain(key: string, jumps: readonly string[][], where: ChainWhere = {}): Promise<void> {
  const ok = (args: string[]) => iptablesOk(inTable(args, where.table), where.netnsPid);
  const run = (args: string[]) => iptables(inTable(args, where.table), where.netnsPid);
  const chain = chainName(key);
  if (!(await ok(["-S", chain]))) await run(["-N", chain]);
  for (const jump of jumps) {
    if (!(await ok(["-C", ...jump]))) await run(["-I", jump[0] as string, "1", ...jump.slice(1)]);
  }
}

export async function removeChain(key: string, jumps: readonly string[][], where: ChainWhere = {}): Promise<void> {
  const ok = (args: string[]) => iptablesOk(inTable(args, where.table), where.netnsPid);
  const chain = chainName(key);
  if (!(await ok(["-S", chain]))) return;
  await ok(["-F", chain]);
  for (const jump of jumps) while (await ok(["-C", ...jump])) await iptables(inTable(["-D", ...jump], where.table), where.netnsPid);
  await ok(["-X", chain]);
}

export function removeChainNow(key: string, jumps: readonly string[][], where: ChainWhere = {}): void {
  const run = (args: string[]) => {
    const [cmd, argv] = iptablesCommand(inTable(args, where.table), where.netnsPid);
    return spawnSync(cmd, argv, { timeout: 10_000, stdio: "ignore" }).status === 0;
  };
  const chain = chainName(key);
  if (!run(["-S", chain])) return;
  run(["-F", chain]);
  for (const jump of jumps) for (let i = 0; i < 10 && run(["-C", ...jump]); i++) run(["-D", ...jump]);
  run(["-X", chain]);
}
