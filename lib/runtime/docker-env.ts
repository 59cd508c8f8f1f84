// The official apache/kafka image's environment convention, as the local image's
// entrypoint (docker/kafka/env-to-props.sh) implements it: KAFKA_ stripped,
// lower-cased, ___ -> '-', __ -> '_', _ -> '.'. Used to check docker-compose.yml
// against CLUSTER_SETTINGS and the shell version against this one.

/** Launcher settings read by the start scripts, never written as broker properties. */
export const KAFKA_ENV_EXCLUDES: ReadonlySet<string> = new Set([
  "KAFKA_VERSION",
  "KAFKA_HEAP_OPTS",
  "KAFKA_LOG4J_OPTS",
  "KAFKA_OPTS",
  "KAFKA_JMX_OPTS",
  "KAFKA_JMX_PORT",
  "KAFKA_JMX_HOSTNAME",
  "KAFKA_JVM_PERFORMANCE_OPTS",
  "KAFKA_GC_LOG_OPTS",
  "KAFKA_LOG4J_ROOT_LOGLEVEL",
  "KAFKA_LOG4J_LOGGERS",
  "KAFKA_TOOLS_LOG4J_LOGLEVEL",
  "KAFKA_HOME",
]);

/** The property a KAFKA_* variable sets, or undefined for anything else. */
export function kafkaEnvToProperty(name: string): string | undefined {
  if (!/^KAFKA_[A-Za-z0-9_]+$/.test(name) || KAFKA_ENV_EXCLUDES.has(name)) return undefined;
  return name
    .slice("KAFKA_".length)
    .toLowerCase()
    .split("___")
    .map((part) =>
      part
        .split("__")
        .map((p) => p.replaceAll("_", "."))
        .join("_"),
    )
    .join("-");
}

/** server.properties entries an environment renders to. */
export function kafkaEnvProperties(env: Readonly<Record<string, string>>): Record<string, string> {
  const props: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const key = kafkaEnvToProperty(name);
    if (key !== undefined) props[key] = value;
  }
  return props;
}
