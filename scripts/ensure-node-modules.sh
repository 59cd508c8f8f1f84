#!/usr/bin/env bash
# Installs npm packages when node_modules is missing or older than the lock file.
# Browsers are never downloaded (this machine cannot; Debian's chromium is used).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "npm: installing packages..."
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
