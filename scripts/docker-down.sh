#!/usr/bin/env bash
# Takes the Docker cluster down (graceful stop, containers removed).
# usage: scripts/docker-down.sh [-p PROJECT] [--volumes] [--engine]
#   --volumes  also delete the brokers' data volumes (next setup formats anew)
#   --engine   also stop the dockerd that scripts/docker-setup.sh started
set -euo pipefail
# shellcheck source=scripts/docker-lib.sh
. "$(dirname "$0")/docker-lib.sh"

volumes=() engine=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    -p) PROJECT="${2:?-p needs a project name}"; shift 2 ;;
    --volumes) volumes=(-v); shift ;;
    --engine) engine=1; shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) die 2 "unknown argument '$1' (see --help)" ;;
  esac
done

T0="$(now_ms)"
if engine_answers; then
  pick_compose || die 1 "neither 'docker compose' nor docker-compose found"
  # The image name does not matter for down, but interpolation needs a valid one.
  check_kafka_image
  compose down "${volumes[@]}" --remove-orphans -t 60 2>&1 | sed 's/^/[compose] /'
else
  log "no engine answers on $DOCKER_SOCKET: nothing to take down"
fi

if [[ "$engine" == 1 ]]; then
  pidfile=/var/run/streamsocial-dockerd.pid
  if [[ -f "$pidfile" ]] && pid="$(cat "$pidfile")" && grep -qa dockerd "/proc/$pid/cmdline" 2>/dev/null; then
    log "stopping dockerd (pid $pid) ..."
    kill -TERM "$pid"
    for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  else
    log "no dockerd started by docker-setup.sh is running"
  fi
fi
log "done in $(awk "BEGIN{print ($(now_ms) - $T0)/1000}") s"
