#!/usr/bin/env bash
# The Debian packages the test suites use, installed when missing in one apt
# transaction (parallel apt runs would queue on dpkg's lock anyway): chromium
# (Playwright), iptables (network faults), docker.io, docker-compose and
# debootstrap (the Docker suite and its local Kafka image). Root only. Never
# fails the caller: each suite checks what it needs and, lacking it, says why.
set -uo pipefail
want=()
[[ -x /usr/bin/chromium ]] || want+=(chromium)
command -v iptables >/dev/null 2>&1 || want+=(iptables)
command -v dockerd >/dev/null 2>&1 || want+=(docker.io)
command -v docker-compose >/dev/null 2>&1 || docker compose version >/dev/null 2>&1 || want+=(docker-compose)
command -v debootstrap >/dev/null 2>&1 || want+=(debootstrap)
if [[ ${#want[@]} -eq 0 ]]; then
  echo "system packages: all present"
  exit 0
fi
if [[ "$(id -u)" != "0" ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system packages: missing ${want[*]} and cannot install them here (needs root and apt-get); the suites that need them say so"
  exit 0
fi
echo "system packages: installing ${want[*]} (apt, one transaction)"
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null 2>&1; then
  echo "system packages: installed ${want[*]}"
else
  echo "system packages: apt could not install ${want[*]}; the suites that need them say so"
fi
exit 0
