#!/usr/bin/env bash
# `npm test`: every suite, from a fresh clone. Installs what the tests need
# (npm packages, Kafka jars; later suites add Chromium and Docker), runs each
# suite, and closes with the one line CI reads: "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# No network call of the product's own, in tests either: Next.js telemetry off.
export NEXT_TELEMETRY_DISABLED=1
results="$root/.data/test-results"
rm -rf "$results"
mkdir -p "$results"
status=0

# Each step's wall time, printed with the summary: the whole run must stay
# under 40 minutes on a 2-core machine, and this says where the time goes.
timings=()
step_name=""
step_start=$SECONDS
step() {
  if [[ -n "$step_name" ]]; then timings+=("$(printf '%5ds  %s' $((SECONDS - step_start)) "$step_name")"); fi
  step_name="$*"
  step_start=$SECONDS
  printf '\n=== %s ===\n' "$*"
}

# Brokers of the integration cluster (and preparation jobs) must not outlive an interrupted run.
cleanup() {
  local jobs
  jobs="$(jobs -p)"
  [[ -n "$jobs" ]] && kill $jobs 2>/dev/null
  for f in .data/test-cluster/local/node-*/pid .data/e2e-cluster/local/node-*/pid .data/scale-cluster/local/node-*/pid; do
    [[ -f "$f" ]] || continue
    pid=$(cat "$f")
    if grep -qaE "(test|e2e|scale)-cluster" "/proc/$pid/cmdline" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "prerequisites"
# Everything but the npm packages waits on the network and the disk, not on each
# other nor on the typecheck, unit suite and build, which run meanwhile: the Kafka
# jars, the system packages (one apt transaction), then the Docker engine and the
# local Kafka image, and the Toxiproxy build. The integration suite starts only once
# they are done, so its timings never share the machine with an install.
prep="$root/.data/test-prep"
rm -rf "$prep"
mkdir -p "$prep"
background() { local name="$1"; shift; ( "$@" >"$prep/$name.log" 2>&1; echo $? >"$prep/$name.status" ) & }
await_prep() { local name; for name; do while [[ ! -f "$prep/$name.status" ]]; do sleep 1; done; cat "$prep/$name.log"; done; }
background jars bash scripts/fetch-kafka-jars.sh
background system bash scripts/ensure-system-packages.sh
background toxiproxy bash scripts/ensure-toxiproxy.sh
# The engine needs the packages, the image the jars too; without root the Docker suite says why it skips.
background docker bash -c 'while [[ ! -f "$0/jars.status" || ! -f "$0/system.status" ]]; do sleep 1; done
  [[ "$(id -u)" == "0" ]] && bash scripts/docker-setup.sh --engine-only && bash scripts/docker-image.sh' "$prep"
bash scripts/ensure-node-modules.sh || exit 1

step "typecheck"
if ! npx tsc --noEmit -p .; then
  echo "typecheck failed"
  echo '{"name":"typecheck","passed":0,"failed":1}' > "$results/typecheck.summary.json"
  status=1
fi

run_vitest() {
  local project="$1"
  step "vitest: $project"
  npx vitest run --project "$project" --reporter=default --reporter=json --outputFile.json="$results/$project.vitest.json" || status=1
}

run_vitest unit

step "build"
if ! npx next build; then
  echo '{"name":"build","passed":0,"failed":1}' > "$results/build.summary.json"
  status=1
fi

step "prerequisites, second part (Kafka jars, system packages, Docker engine and image, Toxiproxy)"
await_prep jars system toxiproxy docker
[[ "$(cat "$prep/jars.status")" == "0" ]] || { echo "the Kafka jars could not be fetched (see above)"; exit 1; }
bash scripts/ensure-netfault.sh

run_vitest integration

step "e2e (Playwright, real Chromium)"
bash scripts/ensure-chromium.sh || echo "chromium: not installed; Playwright will try its own browser"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.playwright.json" npx playwright test || status=1

step "e2e at scale (5 brokers + 3 dedicated controllers, 1,000 topics)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e-scale.playwright.json" npx playwright test -c playwright.scale.config.ts || status=1

run_vitest docker

step "e2e on Docker (Playwright, real engine and Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e-docker.playwright.json" npx playwright test -c playwright.docker.config.ts || status=1

step "summary"
printf '%s\n' "${timings[@]}"
printf '%5ds  total\n' "$SECONDS"
node scripts/sum-test-results.mjs "$results" || status=1
exit $status
