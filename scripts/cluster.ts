// npm run cluster -- up [--brokers N] [--controllers combined|3]|down [--wipe]|status|kill N|stop N|pause N|resume N|restart N|start N|partition N|isolate N|slow N --delay-ms D|heal N
import { spawnSync } from "node:child_process";
import { canaryTopic, config, ConfigError, parseConfig, type Config } from "@/lib/config";
import { ensureClusterTopics } from "@/lib/kafka/topics";
import { dockerRuntimeFromConfig } from "@/lib/runtime/select";
import { localClusterDown, localClusterUp, localClusterWipe, localRuntimeFromConfig } from "@/lib/runtime/local-cluster";
import { describeShape } from "@/lib/runtime/local-shape";
import { formatStatusTable } from "@/lib/runtime/status-table";
import { BROKER_ACTIONS, runAction, RuntimeFailure, RuntimeInputError, type ActionParams, type BrokerAction } from "@/lib/runtime/types";
import { slowBody } from "@/lib/validations/api";
import { procRss } from "@/lib/runtime/proc";
import { registeredBrokers } from "@/lib/kafka/brokers";

const USAGE = `usage: npm run cluster -- <command>
  up [--brokers N] [--controllers combined|3]
                     format (first time), start the local nodes, create the StreamSocial topics;
                     the shape (default 3 combined broker+controller nodes; brokers 1..9, or 3
                     dedicated controllers) is fixed when the cluster is first formatted
  down [--wipe]      stop every node gracefully (data is kept; --wipe deletes it, and the shape)
  status             runtime status and Kafka registration of each broker
  kill N             SIGKILL broker N          stop N      graceful SIGTERM
  pause N            freeze (SIGSTOP)          resume N    thaw (SIGCONT)
  restart N          stop then start           start N     start a stopped broker
  partition N        cut N off from the other nodes (clients still reach it)
  isolate N          cut N off from the other nodes and from clients
  slow N --delay-ms D [--jitter-ms J]
                     everything that talks to N waits D ms (± J) more (local runtime, Toxiproxy)
  heal N             remove every network fault on N (cluster down/up remove them all)`;

class UsageError extends Error {}

interface Args {
  cmd: string;
  id?: number;
  params?: ActionParams;
  /** up's shape flags, as configuration values. */
  shape?: { LOCAL_BROKERS?: string; LOCAL_CONTROLLERS?: string };
  wipe?: boolean;
}

/** `up --brokers N --controllers combined|3`: each flag once, checked by the config's own schema later. */
function parseUpFlags(flags: string[]): NonNullable<Args["shape"]> {
  const out: NonNullable<Args["shape"]> = {};
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i] as string;
    const key = flag === "--brokers" ? "LOCAL_BROKERS" : flag === "--controllers" ? "LOCAL_CONTROLLERS" : null;
    if (key === null) throw new UsageError(flag.startsWith("--") ? `unknown flag ${flag} (up takes --brokers N and --controllers combined|3)` : `'up' takes no broker id`);
    const v = flags[++i];
    if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value (--brokers 1..9, --controllers combined|3)`);
    if (out[key] !== undefined) throw new UsageError(`${flag} given twice`);
    out[key] = v;
  }
  return out;
}

function parseArgs(argv: string[]): Args {
  const [cmd, idArg, ...rest] = argv;
  if (cmd === "up") return { cmd, shape: parseUpFlags(argv.slice(1)) };
  if (cmd === "down" && idArg === "--wipe" && rest.length === 0) return { cmd, wipe: true };
  let extra = rest;
  let params: ActionParams | undefined;
  if (cmd === "slow") {
    const flags: Record<string, number> = {};
    const left: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const flag = rest[i] as string;
      const name = flag === "--delay-ms" ? "delayMs" : flag === "--jitter-ms" ? "jitterMs" : null;
      if (name === null) left.push(flag);
      else {
        const v = rest[++i];
        if (v === undefined || !/^\d{1,6}$/.test(v)) throw new UsageError(`${flag} needs a whole number of milliseconds`);
        flags[name] = Number(v);
      }
    }
    if (flags.delayMs === undefined) throw new UsageError("slow needs --delay-ms, e.g. npm run cluster -- slow 2 --delay-ms 200");
    const parsed = slowBody.safeParse(flags);
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("; "));
    params = { slow: parsed.data };
    extra = left;
  }
  if (!cmd) throw new UsageError("no command given");
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(" ")}`);
  if (cmd === "down" || cmd === "status") {
    if (idArg !== undefined) throw new UsageError(`'${cmd}' takes no broker id`);
    return { cmd };
  }
  if (!(BROKER_ACTIONS as readonly string[]).includes(cmd)) throw new UsageError(`unknown command '${cmd}'`);
  if (idArg === undefined) throw new UsageError(`'${cmd}' needs a broker id, e.g. npm run cluster -- ${cmd} 2`);
  if (!/^\d{1,6}$/.test(idArg)) throw new UsageError(`broker id must be a number, got '${idArg}'`);
  return { cmd, id: Number(idArg), params };
}

function shapedConfig(shape: NonNullable<Args["shape"]>): Config {
  try {
    return parseConfig({ ...process.env, ...shape });
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message.replace("LOCAL_BROKERS", "--brokers (LOCAL_BROKERS)").replace("LOCAL_CONTROLLERS", "--controllers (LOCAL_CONTROLLERS)"));
    throw err;
  }
}

/** RUNTIME=docker: the compose cluster, brought up and down by the Docker scripts. */
async function dockerMain(cfg: Config, cmd: string, id: number | undefined, params: ActionParams): Promise<number> {
  const runtime = dockerRuntimeFromConfig(cfg);
  try {
    if (cmd === "up" || cmd === "down") {
      const script = cmd === "up" ? "scripts/docker-setup.sh" : "scripts/docker-down.sh";
      const r = spawnSync("bash", [script, "-p", cfg.COMPOSE_PROJECT], { stdio: "inherit" });
      if (r.status !== 0) return r.status ?? 1;
      if (cmd === "up") {
        const created = await ensureClusterTopics(runtime.bootstrap, runtime.brokerIds, canaryTopic(cfg));
        console.log(`cluster up (docker)${created.length ? `; created topics ${created.join(", ")}` : ""}`);
        console.log(`bootstrap: ${runtime.bootstrap.join(",")}`);
      }
      return 0;
    }
    if (cmd === "status") {
      const registered = await registeredOrNull(runtime.bootstrap);
      console.log(formatStatusTable(await runtime.list(), new Set((registered ?? []).map((b) => b.id)), () => null));
      if (!registered) console.log("Kafka: no broker answered, so registration is unknown (the column says no)");
      return 0;
    }
    const p = await runAction(runtime, id as number, cmd as BrokerAction, params);
    console.log(`broker ${p.id}: ${p.status}${p.containerId ? ` (container ${p.containerId.slice(0, 12)})` : ""}`);
    return 0;
  } finally {
    runtime.close();
  }
}

async function main(): Promise<number> {
  const { cmd, id, params = {}, shape, wipe } = parseArgs(process.argv.slice(2));
  // up's flags are configuration, checked like the environment's own values (a bad one is a bad call: exit 2).
  const cfg = shape && Object.keys(shape).length > 0 ? shapedConfig(shape) : config();
  if (cfg.RUNTIME === "docker") {
    if (shape && Object.keys(shape).length > 0) throw new UsageError("--brokers and --controllers shape the local runtime only (Docker runs the 3-node compose file)");
    if (wipe) throw new UsageError("--wipe is for the local runtime (Docker: scripts/docker-down.sh removes its volumes)");
    return dockerMain(cfg, cmd, id, params);
  }
  const runtime = localRuntimeFromConfig(cfg);
  const log = (line: string) => console.log(line);
  switch (cmd) {
    case "up": {
      const r = await localClusterUp(cfg, log);
      console.log(`cluster up (${describeShape(runtime.shape)}): ${runtime.brokerIds.length} brokers registered in ${(r.registeredInMs / 1000).toFixed(1)} s` +
        (r.topicsCreated.length ? `; created topics ${r.topicsCreated.join(", ")}` : ""));
      console.log(`bootstrap: ${runtime.bootstrap.join(",")}`);
      return 0;
    }
    case "down": {
      if (wipe) {
        const stopped = await localClusterWipe(cfg);
        console.log(`${stopped.length ? `stopped node${stopped.length > 1 ? "s" : ""} ${stopped.join(", ")}; ` : ""}deleted ${cfg.dataDir}/local`);
        return 0;
      }
      const stopped = await localClusterDown(runtime);
      console.log(stopped.length ? `stopped broker${stopped.length > 1 ? "s" : ""} ${stopped.join(", ")}` : "no broker was running");
      return 0;
    }
    case "status": {
      const procs = await runtime.list();
      const registered = await registeredOrNull(runtime.bootstrap);
      console.log(formatStatusTable(procs, new Set((registered ?? []).map((b) => b.id)), (pid) => procRss(pid)));
      if (!registered) console.log("Kafka: no broker answered, so registration is unknown (the column says no)");
      return 0;
    }
    default: {
      const p = await runAction(runtime, id as number, cmd as BrokerAction, params);
      console.log(`${p.role === "controller" ? "controller" : "broker"} ${p.id}: ${p.status}${p.pid ? ` (pid ${p.pid})` : ""}`);
      return 0;
    }
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`error: ${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (err instanceof RuntimeInputError || err instanceof RuntimeFailure || err instanceof ConfigError) {
      console.error(`error: ${err.message}`);
      process.exit(err instanceof RuntimeInputError ? 2 : 1);
    }
    console.error(err);
    process.exit(1);
  },
);

/** Asked of every broker, not only the first: null when none answers. */
function registeredOrNull(bootstrap: readonly string[]) {
  return registeredBrokers(bootstrap).catch(() => null);
}
