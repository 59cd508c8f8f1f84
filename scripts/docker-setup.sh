#!/usr/bin/env bash
# Brings the Docker cluster up on a machine that may have no engine at all:
#   1. installs docker.io, docker-compose and debootstrap with apt when missing (root only)
#   2. starts dockerd (own data root, log and pid file) when no engine answers on DOCKER_SOCKET
#   3. builds the local apache/kafka stand-in image (scripts/docker-image.sh)
#   4. docker compose up with KAFKA_IMAGE pointing at it, and waits until all brokers are healthy
# Idempotent: with everything warm it only checks and returns.
#
# usage: scripts/docker-setup.sh [-p PROJECT] [--fresh] [--official] [--engine-only]
#   -p PROJECT     compose project and cluster label (default $COMPOSE_PROJECT or streamsocial)
#   --fresh        remove the project's containers and volumes first (a newly formatted cluster)
#   --official     use apache/kafka:<KAFKA_VERSION> (needs a registry) instead of the local image
#   --engine-only  stop after step 2
# Exit codes: 0 ok · 1 failure · 2 usage · 3 needs root · 4 engine cannot be started
set -euo pipefail
# shellcheck source=scripts/docker-lib.sh
. "$(dirname "$0")/docker-lib.sh"

fresh=0 official=0 engine_only=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    -p) PROJECT="${2:?-p needs a project name}"; shift 2 ;;
    --fresh) fresh=1; shift ;;
    --official) official=1; shift ;;
    --engine-only) engine_only=1; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) die 2 "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$PROJECT" =~ ^[a-z0-9][a-z0-9_-]*$ ]] || die 2 "project name '$PROJECT' must be lower-case letters, digits, - or _"
check_kafka_image

DATA_ROOT="${STREAMSOCIAL_DOCKER_DATA_ROOT:-/var/lib/streamsocial-docker}"
DOCKERD_LOG="/var/log/streamsocial-dockerd.log"
DOCKERD_PID="/var/run/streamsocial-dockerd.pid"
T_ALL="$(now_ms)"

install_tools() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker-compose >/dev/null || { [[ -n "$DOCKER" ]] && "$DOCKER" compose version >/dev/null 2>&1; } || missing+=(docker-compose)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  [[ ${#missing[@]} -eq 0 ]] && return 0
  is_root || die "$EXIT_NEEDS_ROOT" "missing ${missing[*]}; installing needs root: run as root, or sudo apt-get install ${missing[*]}"
  log "installing ${missing[*]} with apt ..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

start_engine() {
  is_root || die "$EXIT_NEEDS_ROOT" "no Docker engine answers on $DOCKER_SOCKET and starting dockerd needs root"
  # A socket file left by a dead engine would make dockerd refuse to start.
  if [[ -S "$DOCKER_SOCKET" ]] && ! engine_answers; then rm -f "$DOCKER_SOCKET"; fi
  log "starting dockerd (data root $DATA_ROOT, socket $DOCKER_SOCKET, log $DOCKERD_LOG) ..."
  mkdir -p "$DATA_ROOT"
  # setsid: the engine must outlive this script and whatever ran it (a test runner).
  setsid dockerd --data-root "$DATA_ROOT" --exec-root /var/run/streamsocial-docker \
    -H "unix://$DOCKER_SOCKET" --pidfile "$DOCKERD_PID" --live-restore --userland-proxy=false \
    >>"$DOCKERD_LOG" 2>&1 </dev/null &
  local i
  for ((i = 0; i < 120; i++)); do
    engine_answers && return 0
    kill -0 $! 2>/dev/null || break
    sleep 0.5
  done
  tail -n 20 "$DOCKERD_LOG" >&2 || true
  die "$EXIT_NO_ENGINE" "dockerd did not come up (see $DOCKERD_LOG)"
}

# --- 1+2: engine ---------------------------------------------------------------
phase_start "engine"
if engine_answers; then
  phase_end "already running ($("$DOCKER" version --format 'engine {{.Server.Version}}'))"
else
  install_tools
  start_engine
  phase_end "started ($("$DOCKER" version --format 'engine {{.Server.Version}}'))"
fi
pick_compose || die 1 "neither 'docker compose' nor docker-compose found (apt-get install docker-compose)"
log "client $DOCKER, compose: ${COMPOSE[*]}"
if [[ "$engine_only" == 1 ]]; then print_timings; exit 0; fi

# --- 3: image ------------------------------------------------------------------
if [[ "$official" == 1 ]]; then
  unset KAFKA_IMAGE
else
  phase_start "image"
  if ! command -v debootstrap >/dev/null && ! "$DOCKER" image inspect "$BASE_IMAGE" >/dev/null 2>&1; then install_tools; fi
  bash "$DOCKER_ROOT/scripts/docker-image.sh"
  phase_end "$LOCAL_IMAGE_REPO:$KAFKA_VERSION"
  export KAFKA_IMAGE="$LOCAL_IMAGE_REPO"
fi

# --- 4: cluster ----------------------------------------------------------------
phase_start "compose up"
if [[ "$fresh" == 1 ]]; then compose down -v --remove-orphans -t 5 >/dev/null 2>&1 || true; fi
compose up -d --remove-orphans 2>&1 | sed 's/^/[compose] /'
phase_end "project $PROJECT, image ${KAFKA_IMAGE:-apache/kafka}:$KAFKA_VERSION"

phase_start "healthy"
label="io.streamsocial.cluster=$PROJECT"
deadline=$(( $(date +%s) + ${HEALTH_TIMEOUT_S:-240} ))
while :; do
  mapfile -t states < <("$DOCKER" ps -a --filter "label=$label" \
    --format '{{.Label "io.streamsocial.broker-id"}} {{.State}} {{.Status}}' | sort)
  healthy=0
  for s in "${states[@]}"; do [[ "$s" == *"(healthy)"* ]] && healthy=$((healthy + 1)); done
  [[ ${#states[@]} -gt 0 && $healthy -eq ${#states[@]} ]] && break
  if [[ $(date +%s) -ge $deadline ]]; then
    printf '[docker]   broker %s\n' "${states[@]}" >&2
    for id in $("$DOCKER" ps -aq --filter "label=$label"); do
      "$DOCKER" logs --tail 15 "$id" 2>&1 | sed "s/^/[$id] /" >&2
    done
    die 1 "brokers of $PROJECT not all healthy within ${HEALTH_TIMEOUT_S:-240} s"
  fi
  sleep 1
done
phase_end "${#states[@]} brokers healthy"
printf '[docker]   broker %s\n' "${states[@]}"
TIMINGS+=("$(printf '%-24s %6.1f s' total "$(awk "BEGIN{print ($(now_ms) - $T_ALL)/1000}")")")
print_timings
log "bootstrap: $(docker_bootstrap) (COMPOSE_PROJECT=$PROJECT DOCKER_PORT_BASE=$DOCKER_PORT_BASE RUNTIME=docker)"
