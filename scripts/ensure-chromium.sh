#!/usr/bin/env bash
# Makes sure Debian's chromium is installed for the Playwright suite: Playwright's
# own browser download is not reachable here, so e2e tests drive /usr/bin/chromium.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "chromium: $("$CHROMIUM" --version 2>/dev/null || echo present) at $CHROMIUM"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "chromium: $CHROMIUM is missing and this is not root, so it cannot be installed here." >&2
  echo "  install it as root: apt-get update && apt-get install -y chromium" >&2
  echo "  (Playwright then uses its own browser only if 'npx playwright install chromium' worked)" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: $CHROMIUM is missing and there is no apt-get (not Debian?): install a Chromium yourself" >&2
  exit 1
fi

echo "chromium: installing Debian's chromium package (about 20 s)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "chromium: $("$CHROMIUM" --version) installed at $CHROMIUM"
