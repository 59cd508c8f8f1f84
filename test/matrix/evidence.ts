// When a scenario's heal never completes, or Kafka is stuck (stuck.ts), Kafka's
// own account of why: the canary topic as kafka-topics --describe prints it, each
// broker's own ERROR and WARN lines since the fault (and the state-change lines
// that say a transition was skipped), and a thread dump of the refusing leader,
// summarised to its blocked threads. A CI failure then explains itself; without it
// all that is left is "writes failing" and a guess.
import fs from "node:fs";
import { pollUntil } from "@/lib/util/poll";
import { kafkaTool } from "./probes";

/** Lines worth reading after a failed heal: errors and warnings, faults, skipped state changes (INFO in Kafka). */
const NOTABLE = /^\[[^\]]+\] (ERROR|WARN) |Skipped the become|Error applying|publishing fault/;
const MAX_LINES = 15;
const MAX_CHARS = 400;

/** The notable lines of a broker log at or after `since` (ms), the last `max`, each cut to a readable length. */
export function notableLines(log: string, since: number, max = MAX_LINES): string[] {
  const out: string[] = [];
  for (const line of log.split("\n")) {
    const stamp = /^\[(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d),(\d{3})\]/.exec(line);
    // log4j writes local time without a zone; a line without a stamp belongs to the one before (a stack frame).
    if (stamp && new Date(`${stamp[1]}T${stamp[2]}.${stamp[3]}`).getTime() < since) continue;
    if (stamp && NOTABLE.test(line)) out.push(line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS)}…` : line);
  }
  return out.slice(-max);
}

/** The last line of a HotSpot thread dump. */
export const DUMP_END = /JNI global refs/;

/** Threads whose state says why a broker stopped applying metadata or serving a partition. */
const TELLING_THREAD = /metadata-loader|event-handler|request-handler|ReplicaFetcher|controller/i;

/**
 * A JVM thread dump (SIGQUIT) in a few lines: any deadlock Java found, and each
 * telling thread that is BLOCKED, with its top frames. Empty when the dump has none.
 */
export function threadDumpNotes(dump: string, frames = 4): string[] {
  const out: string[] = [];
  const deadlock = dump.indexOf("Found one Java-level deadlock");
  if (deadlock >= 0) out.push(...dump.slice(deadlock).split("\n").slice(0, 12).map((l) => l.trimEnd()));
  for (const block of dump.split(/\n(?=")/)) {
    const lines = block.split("\n");
    const name = /^"([^"]+)"/.exec(lines[0] ?? "")?.[1];
    const state = /java\.lang\.Thread\.State: (\w+)/.exec(block)?.[1];
    if (!name || state !== "BLOCKED" || !TELLING_THREAD.test(name)) continue;
    out.push(`${name}: ${state}`, ...lines.filter((l) => /^\s+at /.test(l)).slice(0, frames).map((l) => `  ${l.trim()}`));
  }
  return out;
}

/** `dumps`: per node, the notes of its thread dump, or null when no dump came within the wait. */
export function formatEvidence(describe: string, logs: Record<number, string[]>, dumps: Record<number, string[] | null> = {}): string {
  const parts = [`kafka-topics --describe: ${describe.trim() || "(no answer)"}`];
  for (const [id, lines] of Object.entries(logs)) parts.push(`broker ${id} log: ${lines.length === 0 ? "no errors" : `\n  ${lines.join("\n  ")}`}`);
  for (const [id, lines] of Object.entries(dumps)) parts.push(`broker ${id} threads: ${lines === null ? "no thread dump came" : lines.length === 0 ? "no deadlock, no telling thread blocked" : `\n  ${lines.join("\n  ")}`}`);
  return parts.join("\n");
}

/** The last bytes of a file (a broker's server.log can be large). */
function tailOf(file: string, bytes = 512 * 1024): string {
  try {
    const fd = fs.openSync(file, "r");
    try {
      const size = fs.fstatSync(fd).size;
      const start = Math.max(0, size - bytes);
      const buf = Buffer.alloc(size - start);
      fs.readSync(fd, buf, 0, buf.length, start);
      return buf.toString("utf8");
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return "";
  }
}

/** Local processes: Kafka's TopicCommand from our jars, each node's server.log, and thread dumps of `dump`'s processes. */
export async function localEvidence(
  opts: { kafkaHome: string; javaBin: string; bootstrap: readonly string[]; topic: string; logFiles: Readonly<Record<number, string>>; pids: () => Promise<Record<number, number>> },
  since: number,
  dump: readonly number[],
): Promise<string> {
  // The JVM prints its thread dump to stdout on SIGQUIT, and stdout is the node's server.log.
  const pids = await opts.pids();
  const sizes = Object.fromEntries(dump.map((id) => [id, fileSize(opts.logFiles[id])]));
  for (const id of dump) if (pids[id]) process.kill(pids[id] as number, "SIGQUIT");
  const dumped = (id: number) => tailOf(opts.logFiles[id] ?? "", fileSize(opts.logFiles[id]) - (sizes[id] ?? 0));
  await pollUntil(() => dump.every((id) => DUMP_END.test(dumped(id))), { timeoutMs: 10_000, intervalMs: 200 });
  const dumps = Object.fromEntries(dump.map((id) => [id, DUMP_END.test(dumped(id)) ? threadDumpNotes(dumped(id)) : null]));
  const describe = await kafkaTool(opts, "TopicCommand", ["--bootstrap-server", opts.bootstrap.join(","), "--describe", "--topic", opts.topic]).catch(
    (e: Error) => `failed: ${e.message.split("\n")[0]}`,
  );
  const logs = Object.fromEntries(Object.entries(opts.logFiles).map(([id, f]) => [Number(id), notableLines(tailOf(f), since)]));
  return formatEvidence(describe, logs, dumps);
}

const fileSize = (file: string | undefined) => (file ? (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) : 0);
