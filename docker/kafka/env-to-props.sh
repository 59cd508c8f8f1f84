# The official image's KAFKA_* convention (sourced by run, and by a unit test
# that checks it against lib/runtime/docker-env.ts):
#   KAFKA_ prefix stripped, lower-cased, ___ -> '-', __ -> '_', _ -> '.'
# e.g. KAFKA_LOG_DIRS -> log.dirs, KAFKA_LISTENER_NAME_X___Y__Z -> listener.name.x-y_z
# shellcheck shell=bash

# Launcher settings, not broker properties.
KAFKA_ENV_EXCLUDES=" KAFKA_VERSION KAFKA_HEAP_OPTS KAFKA_LOG4J_OPTS KAFKA_OPTS KAFKA_JMX_OPTS KAFKA_JMX_PORT KAFKA_JMX_HOSTNAME KAFKA_JVM_PERFORMANCE_OPTS KAFKA_GC_LOG_OPTS KAFKA_LOG4J_ROOT_LOGLEVEL KAFKA_LOG4J_LOGGERS KAFKA_TOOLS_LOG4J_LOGLEVEL KAFKA_HOME "

kafka_env_to_prop() {
  local n="${1#KAFKA_}"
  n="${n,,}"
  n="${n//___/-}"
  n="${n//__/@}" # env names never hold '@': a safe placeholder
  n="${n//_/.}"
  printf '%s' "${n//@/_}"
}

# Prints key=value for every KAFKA_* variable in the environment, sorted.
kafka_env_properties() {
  local var
  while IFS= read -r var; do
    [[ "$KAFKA_ENV_EXCLUDES" == *" $var "* ]] && continue
    printf '%s=%s\n' "$(kafka_env_to_prop "$var")" "${!var}"
  done < <(compgen -e | grep '^KAFKA_' | sort)
}
