#!/usr/bin/env bash
# What network faults need on this machine: root and iptables (apt-installed when
# missing). Never fails the caller: without them the dashboard disables the fault
# buttons and says why, and the tests that need them skip with that reason.
set -uo pipefail
if [[ "$(id -u)" != "0" ]]; then
  echo "network faults: not root, so no iptables rules can be made (fault buttons will be disabled)"
  exit 0
fi
if ! command -v iptables >/dev/null 2>&1; then
  echo "network faults: installing iptables (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q iptables >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q iptables >/dev/null 2>&1; } \
    || echo "network faults: could not install iptables (fault buttons will be disabled)"
fi
if ! grep -q " cgroup2 " /proc/mounts; then
  echo "network faults: no cgroup2 hierarchy mounted (fault buttons will be disabled)"
fi
bash "$(dirname "${BASH_SOURCE[0]}")/ensure-toxiproxy.sh"
exit 0
