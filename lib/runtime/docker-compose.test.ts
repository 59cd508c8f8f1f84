// docker-compose.yml, docker/jmx-exporter.yaml and the local image's entrypoint
// kept in step with the TypeScript side (CLUSTER_SETTINGS, the Docker layout,
// the JMX rules) without a YAML library: the compose file is written in a
// regular shape that these line patterns read.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { kafkaEnvProperties, kafkaEnvToProperty } from "./docker-env";
import { DOCKER_CLIENT_PORT_BASE, DOCKER_CONTROLLER_PORT_OFFSET, DOCKER_METRICS_PORT_OFFSET, DOCKER_NODE_IDS, DOCKER_STOP_GRACE_MS } from "./docker-layout";
import { JMX_EXPORTER_CONFIG } from "./jmx-exporter-config";
import { CLUSTER_SETTINGS } from "./local-layout";

const root = path.resolve(import.meta.dirname, "../..");
const compose = fs.readFileSync(path.join(root, "docker-compose.yml"), "utf8");

const unquote = (v: string) => v.trim().replace(/^"(.*)"$/, "$1");

/** `KEY: value` lines of an indented block that starts after `header`. */
function block(text: string, header: RegExp): Record<string, string> {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => header.test(l));
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const m = /^\s+([A-Za-z0-9_.-]+):\s*(.*)$/.exec(line);
    if (!m?.[1] || line.trim() === "" || /^\s+<<:/.test(line)) {
      if (line.trim() === "" || !/^\s/.test(line)) break;
      continue;
    }
    out[m[1]] = unquote(m[2] ?? "");
  }
  return out;
}

function service(id: number): string {
  const m = new RegExp(`^  kafka-${id}:\\n([\\s\\S]*?)(?=^  \\S|^\\S|(?![\\s\\S]))`, "m").exec(compose);
  return m?.[1] ?? "";
}

describe("docker-compose.yml", () => {
  const shared = block(compose, /^x-broker-env:/);

  it("gives every broker the settings of CLUSTER_SETTINGS through the KAFKA_* convention", () => {
    const props = kafkaEnvProperties(shared);
    for (const [key, value] of Object.entries(CLUSTER_SETTINGS)) expect(props[key], key).toBe(value);
    expect(props["process.roles"]).toBe("broker,controller");
    expect(shared.CLUSTER_ID).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  });

  it("has one service per broker id with our labels, its node id and loopback-only ports", () => {
    const services = [...compose.matchAll(/^ {2}kafka-(\d+):$/gm)].map((m) => Number(m[1]));
    expect(services).toEqual([...DOCKER_NODE_IDS]);
    const voters = DOCKER_NODE_IDS.map((id) => `${id}@kafka-${id}:9093`).join(",");
    expect(shared.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe(voters);
    for (const id of DOCKER_NODE_IDS) {
      const s = service(id);
      expect(s).toContain("io.streamsocial.cluster: ${COMPOSE_PROJECT_NAME:-streamsocial}");
      expect(s).toContain(`io.streamsocial.broker-id: "${id}"`);
      expect(s).toContain(`KAFKA_NODE_ID: "${id}"`);
      // The port variables the scripts set from DOCKER_PORT_BASE, defaulting to the runtime's default layout.
      const client = `\${STREAMSOCIAL_CLIENT_PORT_${id}:-${DOCKER_CLIENT_PORT_BASE + id - 1}}`;
      const metrics = `\${STREAMSOCIAL_METRICS_PORT_${id}:-${DOCKER_CLIENT_PORT_BASE + DOCKER_METRICS_PORT_OFFSET + id - 1}}`;
      expect(s).toContain(`EXTERNAL://127.0.0.1:${client}`);
      expect(s).toContain(`"127.0.0.1:${client}:9092"`);
      expect(s).toContain(`"127.0.0.1:${metrics}:9404"`);
      const controller = `\${STREAMSOCIAL_CONTROLLER_PORT_${id}:-${DOCKER_CLIENT_PORT_BASE + DOCKER_CONTROLLER_PORT_OFFSET + id - 1}}`;
      expect(s).toContain(`"127.0.0.1:${controller}:9093"`);
    }
    const published = [...compose.matchAll(/^\s+- "([^"]+:\d+)"$/gm)].map((m) => m[1] ?? "");
    expect(published.length).toBe(DOCKER_NODE_IDS.length * 3);
    for (const p of published) expect(p.startsWith("127.0.0.1:")).toBe(true);
  });

  it("follows the .env pin, works with compose v1 (no name:, no nested defaults) and never restarts a killed broker", () => {
    expect(compose).toContain("image: ${KAFKA_IMAGE:-apache/kafka}:${KAFKA_VERSION:?");
    expect(compose).not.toMatch(/^name:/m);
    const config = compose.replace(/^\s*#.*$/gm, "");
    expect(config).not.toMatch(/\$\{[^}]*\$\{/);
    expect(compose).toContain('restart: "no"');
    expect(compose).toContain(`stop_grace_period: ${DOCKER_STOP_GRACE_MS / 1000}s`);
  });
});

describe("docker/jmx-exporter.yaml", () => {
  it("exports everything the local brokers export, plus the BrokerState the health check reads", () => {
    const docker = fs.readFileSync(path.join(root, "docker/jmx-exporter.yaml"), "utf8");
    for (const line of JMX_EXPORTER_CONFIG.split("\n").filter((l) => l.trim())) expect(docker).toContain(line);
    expect(docker).toContain("kafka_server_kafkaserver_brokerstate");
    expect(compose).toContain("kafka_server_kafkaserver_brokerstate 3");
  });
});

describe("the KAFKA_* convention", () => {
  const names = ["KAFKA_LOG_DIRS", "KAFKA_NODE_ID", "KAFKA_LISTENER_NAME_X___Y__Z", "KAFKA_A____B", "KAFKA_A_____B", "KAFKA_SSL_KEY__PASSWORD"];

  it("maps names like the official image", () => {
    expect(kafkaEnvToProperty("KAFKA_LOG_DIRS")).toBe("log.dirs");
    expect(kafkaEnvToProperty("KAFKA_LISTENER_NAME_X___Y__Z")).toBe("listener.name.x-y_z");
    expect(kafkaEnvToProperty("KAFKA_HEAP_OPTS")).toBeUndefined();
    expect(kafkaEnvToProperty("KAFKA_OPTS")).toBeUndefined();
    expect(kafkaEnvToProperty("CLUSTER_ID")).toBeUndefined();
  });

  it("is what the local image's entrypoint (bash) does", () => {
    const script = path.join(root, "docker/kafka/env-to-props.sh");
    const out = execFileSync("bash", ["-c", `. "$0"; for n in "$@"; do kafka_env_to_prop "$n"; echo; done`, script, ...names], {
      encoding: "utf8",
    });
    expect(out.trimEnd().split("\n")).toEqual(names.map((n) => kafkaEnvToProperty(n)));
  });

  it("the entrypoint renders only KAFKA_* properties, never launcher settings", () => {
    const script = path.join(root, "docker/kafka/env-to-props.sh");
    const out = execFileSync("bash", ["-c", `. "$0"; kafka_env_properties`, script], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", KAFKA_NODE_ID: "2", KAFKA_OPTS: "-javaagent:x", KAFKA_HEAP_OPTS: "-Xmx1g", CLUSTER_ID: "abc" } as unknown as NodeJS.ProcessEnv,
    });
    expect(out).toBe("node.id=2\n");
  });
});
