// The one reader of process.env. Every setting is parsed and checked here, with
// defaults that work on a fresh machine, so a bad value fails loudly at start-up
// instead of deep inside a request.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DOCKER_CLIENT_PORT_BASE } from "@/lib/runtime/docker-layout";

const ROOT = path.resolve(/*turbopackIgnore: true*/ process.env.STREAMSOCIAL_ROOT ?? process.cwd());

/** KAFKA_VERSION is pinned in the repo's .env (shared with the pom and compose). */
function pinnedKafkaVersion(root: string): string | undefined {
  try {
    const text = fs.readFileSync(path.join(/*turbopackIgnore: true*/ root, ".env"), "utf8");
    return /^KAFKA_VERSION=(\S+)/m.exec(text)?.[1];
  } catch {
    return undefined;
  }
}

const intIn = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const brokerList = z
  .string()
  .transform((s) => s.split(",").map((b) => b.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.string().regex(/^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/, "each broker must be host:port"))
      .min(1, "at least one host:port"),
  );

/** Extra names the dashboard answers to (a reverse proxy's, a LAN name): host or host:port, comma-separated. */
const hostList = z
  .string()
  .transform((s) => s.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean))
  .pipe(
    z.array(
      z.string().regex(/^(\[[0-9a-f:.]+\]|[a-z0-9_-]+(\.[a-z0-9_-]+)*)(:\d{1,5})?$/, "each ALLOWED_HOSTS entry is a host name or IP (IPv6 in brackets), optionally :port; no scheme, path or trailing dot"),
    ),
  );

export const configSchema = z.object({
  ROOT: z.string(),
  KAFKA_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, "KAFKA_VERSION must look like 4.1.1"),
  /** auto: Docker when its socket answers and our containers exist, else local processes. */
  RUNTIME: z.enum(["auto", "docker", "local", "none"]).default("auto"),
  /** Bootstrap servers; when unset the runtime's own brokers are used. */
  KAFKA_BROKERS: brokerList.optional(),
  POLL_INTERVAL_MS: intIn(200, 60_000).default(1000),
  /** Timeout of each admin call; must stay well under the poll interval. */
  ADMIN_TIMEOUT_MS: intIn(100, 30_000).default(800),
  /** How often each broker's JMX exporter is scraped, in the background (a scrape costs the broker CPU; the counters lose nothing between). */
  METRICS_INTERVAL_MS: intIn(1000, 600_000).default(5000),
  /** The canary writes one record per partition of CANARY_TOPIC each poll. auto: on for clusters we run, off for RUNTIME=none. */
  CANARY: z.enum(["auto", "on", "off"]).default("auto"),
  CANARY_TOPIC: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,249}$/, "CANARY_TOPIC must be a Kafka topic name (letters, digits, . _ -)")
    .default("streamsocial_canary"),
  DASHBOARD_TOKEN: z.string().min(8, "DASHBOARD_TOKEN must be at least 8 characters").optional(),
  /** The address the server binds to. Anything but loopback needs DASHBOARD_TOKEN (lib/api/access.ts). */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** The port served; requests whose Host names another port are refused, so it must match `next start -p`. */
  PORT: intIn(1, 65_535).default(3000),
  ALLOWED_HOSTS: hostList.default([]),
  DATA_DIR: z.string().optional(),
  KAFKA_CACHE_DIR: z.string().optional(),
  /** First client port of the local cluster: node N listens on base+N-1. */
  LOCAL_PORT_BASE: intIn(1024, 60_000).default(19092),
  LOCAL_HEAP_MB: intIn(128, 8192).default(768),
  /**
   * The local cluster's shape when it is first formatted (afterwards the shape recorded in its
   * data dir wins, and a different explicit value is refused): brokers 1..9 (default 3), and
   * controllers "combined" (inside the first brokers, the default) or "3" (three dedicated nodes).
   */
  LOCAL_BROKERS: intIn(1, 9).optional(),
  LOCAL_CONTROLLERS: z.enum(["combined", "3"], { message: 'LOCAL_CONTROLLERS must be "combined" or "3"' }).optional(),
  /** Heap of a dedicated controller (it holds metadata only). */
  LOCAL_CONTROLLER_HEAP_MB: intIn(128, 8192).default(256),
  /** broker.session.timeout.ms of the local cluster: how long a silent broker lives before it is fenced (the sweep varies it). */
  LOCAL_SESSION_TIMEOUT_MS: intIn(2000, 60_000).default(6000),
  JAVA_BIN: z.string().min(1).default("java"),
  /** Toxiproxy's server, for the slow fault; default: the one scripts/ensure-toxiproxy.sh builds into .tools/bin. */
  TOXIPROXY_BIN: z.string().min(1).optional(),
  DOCKER_SOCKET: z.string().default("/var/run/docker.sock"),
  /** First client port of the compose cluster: node N on base+N-1, its JMX exporter on base+200+N-1. */
  DOCKER_PORT_BASE: intIn(1024, 60_000).default(DOCKER_CLIENT_PORT_BASE),
  COMPOSE_PROJECT: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "COMPOSE_PROJECT must be lower-case letters, digits, - or _")
    .default("streamsocial"),
  /** Image name WITHOUT a tag: the tag always follows KAFKA_VERSION (see docker-compose.yml). */
  KAFKA_IMAGE: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*(?::\d+)?(?:\/[a-z0-9][a-z0-9._-]*)*$/, "KAFKA_IMAGE is an image name without a tag (the tag follows KAFKA_VERSION)")
    .optional(),
});

export type Config = z.infer<typeof configSchema> & {
  dataDir: string;
  kafkaCacheDir: string;
  kafkaHome: string;
  toxiproxyBin: string;
};

export class ConfigError extends Error {}

const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v);

export function parseConfig(env: Record<string, string | undefined>, root = ROOT): Config {
  const raw = {
    ROOT: root,
    KAFKA_VERSION: blankToUndefined(env.KAFKA_VERSION) ?? pinnedKafkaVersion(root),
    RUNTIME: blankToUndefined(env.RUNTIME),
    KAFKA_BROKERS: blankToUndefined(env.KAFKA_BROKERS),
    POLL_INTERVAL_MS: blankToUndefined(env.POLL_INTERVAL_MS),
    ADMIN_TIMEOUT_MS: blankToUndefined(env.ADMIN_TIMEOUT_MS),
    METRICS_INTERVAL_MS: blankToUndefined(env.METRICS_INTERVAL_MS),
    CANARY: blankToUndefined(env.CANARY),
    CANARY_TOPIC: blankToUndefined(env.CANARY_TOPIC),
    DASHBOARD_TOKEN: blankToUndefined(env.DASHBOARD_TOKEN),
    HOST: blankToUndefined(env.HOST),
    PORT: blankToUndefined(env.PORT),
    ALLOWED_HOSTS: blankToUndefined(env.ALLOWED_HOSTS),
    DATA_DIR: blankToUndefined(env.DATA_DIR),
    KAFKA_CACHE_DIR: blankToUndefined(env.KAFKA_CACHE_DIR),
    LOCAL_PORT_BASE: blankToUndefined(env.LOCAL_PORT_BASE),
    LOCAL_HEAP_MB: blankToUndefined(env.LOCAL_HEAP_MB),
    LOCAL_BROKERS: blankToUndefined(env.LOCAL_BROKERS),
    LOCAL_CONTROLLERS: blankToUndefined(env.LOCAL_CONTROLLERS),
    LOCAL_CONTROLLER_HEAP_MB: blankToUndefined(env.LOCAL_CONTROLLER_HEAP_MB),
    LOCAL_SESSION_TIMEOUT_MS: blankToUndefined(env.LOCAL_SESSION_TIMEOUT_MS),
    JAVA_BIN: blankToUndefined(env.JAVA_BIN),
    TOXIPROXY_BIN: blankToUndefined(env.TOXIPROXY_BIN),
    DOCKER_SOCKET: blankToUndefined(env.DOCKER_SOCKET),
    DOCKER_PORT_BASE: blankToUndefined(env.DOCKER_PORT_BASE),
    COMPOSE_PROJECT: blankToUndefined(env.COMPOSE_PROJECT),
    KAFKA_IMAGE: blankToUndefined(env.KAFKA_IMAGE),
  };
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  if (c.ADMIN_TIMEOUT_MS >= c.POLL_INTERVAL_MS) {
    throw new ConfigError(
      `invalid configuration:\n  ADMIN_TIMEOUT_MS (${c.ADMIN_TIMEOUT_MS}) must be below POLL_INTERVAL_MS (${c.POLL_INTERVAL_MS})`,
    );
  }
  const dataDir = path.resolve(/*turbopackIgnore: true*/ root, c.DATA_DIR ?? ".data");
  const kafkaCacheDir = path.resolve(/*turbopackIgnore: true*/ root, c.KAFKA_CACHE_DIR ?? ".kafka-cache");
  const toxiproxyBin = path.resolve(/*turbopackIgnore: true*/ root, c.TOXIPROXY_BIN ?? ".tools/bin/toxiproxy-server");
  return { ...c, dataDir, kafkaCacheDir, kafkaHome: path.join(/*turbopackIgnore: true*/ kafkaCacheDir, c.KAFKA_VERSION), toxiproxyBin };
}

/** The canary topic when the canary is on for this configuration, else null. */
export function canaryTopic(c: Pick<Config, "CANARY" | "CANARY_TOPIC" | "RUNTIME">): string | null {
  const on = c.CANARY === "on" || (c.CANARY === "auto" && c.RUNTIME !== "none");
  return on ? c.CANARY_TOPIC : null;
}

let cached: Config | undefined;

/** The process-wide configuration, parsed once. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** True when running under CI (the CI variable set to anything but false/0). */
export function isCI(): boolean {
  const v = process.env.CI;
  return v !== undefined && v !== "" && v !== "0" && v !== "false";
}
