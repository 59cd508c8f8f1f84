#!/usr/bin/env bash
# The README's first command: install what is needed, bring the cluster up
# (Docker when an engine answers, else local Kafka processes), build and serve
# the dashboard on http://127.0.0.1:3000.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# The product makes no network call of its own: Next.js telemetry off.
export NEXT_TELEMETRY_DISABLED=1
bash scripts/ensure-node-modules.sh
bash scripts/fetch-kafka-jars.sh
bash scripts/ensure-netfault.sh
socket="${DOCKER_SOCKET:-/var/run/docker.sock}"
if [[ "${RUNTIME:-auto}" == "auto" ]] && [[ -S "$socket" ]] && curl -fsS --max-time 3 --unix-socket "$socket" http://localhost/_ping >/dev/null 2>&1; then
  echo "runtime: a Docker engine answers on $socket: using the compose cluster (RUNTIME=docker)"
  export RUNTIME=docker
elif [[ "${RUNTIME:-auto}" == "auto" ]]; then
  echo "runtime: no Docker engine answers: using local Kafka processes (RUNTIME=local)"
  export RUNTIME=local
fi
npx tsx scripts/cluster.ts up
if [[ ! -f .next/BUILD_ID ]] || [[ -n "$(find app components lib proxy.ts instrumentation.ts next.config.ts package-lock.json -newer .next/BUILD_ID -print -quit)" ]]; then
  echo "dashboard: building..."
  npx next build
fi
exec npx tsx scripts/serve.ts
