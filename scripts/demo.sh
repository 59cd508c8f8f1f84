#!/usr/bin/env bash
# The README's first command: install what is needed, bring the cluster up,
# build and serve the dashboard on http://127.0.0.1:3000.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/ensure-node-modules.sh
bash scripts/fetch-kafka-jars.sh
npx tsx scripts/cluster.ts up
if [[ ! -f .next/BUILD_ID ]] || [[ -n "$(find app components lib next.config.ts package-lock.json -newer .next/BUILD_ID -print -quit)" ]]; then
  echo "dashboard: building..."
  npx next build
fi
exec npx tsx scripts/serve.ts
