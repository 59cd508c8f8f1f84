# Shared by scripts/docker-*.sh (sourced, not run). Finds a Docker client that
# talks to the engine, the compose command, and keeps phase timings.
# Exit codes used by the docker scripts:
#   0 ok · 1 failure · 2 usage · 3 needs root (install or start the engine)
#   4 the engine cannot be started here
# shellcheck shell=bash

DOCKER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck disable=SC1091
set -a; . "$DOCKER_ROOT/.env"; set +a
KAFKA_VERSION="${KAFKA_VERSION:?KAFKA_VERSION missing from .env}"
DOCKER_SOCKET="${DOCKER_SOCKET:-/var/run/docker.sock}"
export DOCKER_HOST="unix://$DOCKER_SOCKET"
# Engine 20.10 has no BuildKit-by-default and we ship no buildx: use the classic builder.
export DOCKER_BUILDKIT=0
BASE_IMAGE="streamsocial/jre-base:bookworm-openjdk17"
LOCAL_IMAGE_REPO="streamsocial/kafka"

EXIT_NEEDS_ROOT=3
EXIT_NO_ENGINE=4

log() { printf '[docker] %s\n' "$*"; }
die() { local code="$1"; shift; printf '[docker] error: %s\n' "$*" >&2; exit "$code"; }

now_ms() { date +%s%3N; }
declare -a TIMINGS=()
phase_start() { PHASE_NAME="$1"; PHASE_T0="$(now_ms)"; }
phase_end() {
  local ms=$(( $(now_ms) - PHASE_T0 ))
  TIMINGS+=("$(printf '%-24s %6.1f s  %s' "$PHASE_NAME" "$(awk "BEGIN{print $ms/1000}")" "${1:-}")")
}
print_timings() {
  log "timings:"
  local t; for t in "${TIMINGS[@]}"; do printf '[docker]   %s\n' "$t"; done
}

is_root() { [[ "$(id -u)" == 0 ]]; }

# The newest client on PATH may be far ahead of Debian's engine 20.10; it
# negotiates the API version down, but fall back to Debian's own client if not.
DOCKER=""
pick_docker() {
  local c
  for c in "${DOCKER_CLI:-}" docker /usr/bin/docker; do
    [[ -n "$c" ]] && command -v "$c" >/dev/null 2>&1 || continue
    if timeout 10 "$c" version --format '{{.Server.Version}}' >/dev/null 2>&1; then DOCKER="$c"; return 0; fi
  done
  return 1
}
engine_answers() { pick_docker; }

COMPOSE=()
pick_compose() {
  if [[ -n "${COMPOSE_CMD:-}" ]]; then read -r -a COMPOSE <<<"$COMPOSE_CMD"; return 0; fi
  if [[ -n "$DOCKER" ]] && "$DOCKER" compose version >/dev/null 2>&1; then COMPOSE=("$DOCKER" compose); return 0; fi
  if command -v docker-compose >/dev/null 2>&1; then COMPOSE=(docker-compose); return 0; fi
  return 1
}

# KAFKA_IMAGE is a repository: the tag always follows KAFKA_VERSION (see docker-compose.yml).
check_kafka_image() {
  local img="${KAFKA_IMAGE:-}"
  [[ -z "$img" ]] && return 0
  if [[ "${img##*/}" == *:* ]]; then
    die 2 "KAFKA_IMAGE must be an image repository without a tag (got '$img'); the tag is KAFKA_VERSION=$KAFKA_VERSION from .env"
  fi
}

compose() {
  COMPOSE_PROJECT_NAME="$PROJECT" "${COMPOSE[@]}" -p "$PROJECT" -f "$DOCKER_ROOT/docker-compose.yml" "$@"
}

PROJECT="${COMPOSE_PROJECT:-streamsocial}"

# Host ports of the compose cluster (see docker-compose.yml and lib/runtime/docker-layout.ts).
DOCKER_PORT_BASE="${DOCKER_PORT_BASE:-29092}"
[[ "$DOCKER_PORT_BASE" =~ ^[0-9]{4,5}$ ]] && ((DOCKER_PORT_BASE >= 1024 && DOCKER_PORT_BASE <= 60000)) \
  || die 2 "DOCKER_PORT_BASE must be a port number from 1024 to 60000 (got '$DOCKER_PORT_BASE')"
for _n in 1 2 3; do
  export "STREAMSOCIAL_CLIENT_PORT_$_n=$((DOCKER_PORT_BASE + _n - 1))"
  export "STREAMSOCIAL_CONTROLLER_PORT_$_n=$((DOCKER_PORT_BASE + 100 + _n - 1))"
  export "STREAMSOCIAL_METRICS_PORT_$_n=$((DOCKER_PORT_BASE + 200 + _n - 1))"
done
unset _n
docker_bootstrap() { echo "127.0.0.1:$STREAMSOCIAL_CLIENT_PORT_1,127.0.0.1:$STREAMSOCIAL_CLIENT_PORT_2,127.0.0.1:$STREAMSOCIAL_CLIENT_PORT_3"; }
