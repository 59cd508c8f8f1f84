// Shared helpers of the docker suite: the runtime under test, the Docker CLI
// (to check our code against Docker's own view), and real kafkajs clients.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Kafka } from "kafkajs";
import { parseConfig } from "@/lib/config";
import { kafkaClient } from "@/lib/kafka/client";
import { registeredBrokers } from "@/lib/kafka/brokers";
import { DockerRuntime } from "@/lib/runtime/docker";
import { pollUntil } from "@/lib/util/poll";
import { allAnswer } from "../integration/helpers";
import { DOCKER_TEST_ENV } from "./env";

const run = promisify(execFile);

export const cfg = parseConfig({ ...process.env, ...DOCKER_TEST_ENV });
export const PROJECT = cfg.COMPOSE_PROJECT;
export const LOCAL_IMAGE = `streamsocial/kafka:${cfg.KAFKA_VERSION}`;

export const testRuntime = () => new DockerRuntime({ socketPath: cfg.DOCKER_SOCKET, project: PROJECT, portBase: cfg.DOCKER_PORT_BASE });

/** The Docker CLI against the engine the suite uses. */
const dockerCli = (args: readonly string[], maxBuffer = 1024 * 1024) =>
  run("docker", args, { env: { ...process.env, DOCKER_HOST: `unix://${cfg.DOCKER_SOCKET}` }, timeout: 30_000, maxBuffer });

export async function docker(...args: string[]): Promise<string> {
  return (await dockerCli(args)).stdout.trim();
}

/** A container's output (stdout and stderr: Kafka logs to the console here) since `since` (ms). */
export async function dockerLogs(containerId: string, since: number): Promise<string> {
  const { stdout, stderr } = await dockerCli(["logs", "--since", String(Math.floor(since / 1000)), containerId], 64 * 1024 * 1024);
  return `${stdout}\n${stderr}`;
}

/**
 * One of Kafka's own tools run inside a broker's container (its JVM and jars), where
 * the names the brokers advertise (kafka-N) resolve; ended by `timeout` after `seconds`.
 */
export function kafkaToolInContainer(containerId: string, tool: string, args: readonly string[], seconds: number): Promise<string> {
  return docker("exec", containerId, "timeout", String(seconds), "java", "-Xmx128m", "-cp", "/opt/kafka/libs/*", `org.apache.kafka.tools.${tool}`, ...args);
}

export interface CliState {
  Status: string;
  Running: boolean;
  Paused: boolean;
  ExitCode: number;
  StartedAt: string;
}

/** The container's State as `docker inspect` (the CLI, not our code) reports it. */
export async function cliState(containerId: string): Promise<CliState & { RestartCount: number }> {
  const out = await docker("inspect", "-f", "{{json .State}}|{{.RestartCount}}", containerId);
  const [state, restarts] = out.split("|");
  return { ...(JSON.parse(state ?? "{}") as CliState), RestartCount: Number(restarts) };
}

export const testKafka = (clientId = "docker-it"): Kafka =>
  kafkaClient({ bootstrap: testRuntime().bootstrap, clientId, timeoutMs: 5000, retries: 10 });

/**
 * All brokers registered and answering on their own listeners, and every partition
 * of every topic with a full ISR. Registrations and ISRs alone are not proof: a
 * broker SIGKILLed seconds ago stays in both until Kafka times it out, so after a
 * kill and a restart they read "whole" while it is still loading its logs.
 */
export async function clusterWhole(kafka: Kafka, brokers: number): Promise<boolean> {
  const bootstrap = testRuntime().bootstrap;
  if ((await registeredBrokers(bootstrap)).length !== brokers) return false;
  if (!(await allAnswer(bootstrap))) return false;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = await admin.listTopics();
    const md = await admin.fetchTopicMetadata({ topics });
    return md.topics.every((t) => t.partitions.every((p) => p.leader >= 0 && p.isr.length === p.replicas.length));
  } finally {
    await admin.disconnect();
  }
}

export const waitWhole = (kafka: Kafka, timeoutMs = 120_000) =>
  pollUntil(() => clusterWhole(kafka, 3), { timeoutMs, intervalMs: 500 });

export { consumeAll } from "../integration/helpers";
