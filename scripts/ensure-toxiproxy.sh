#!/usr/bin/env bash
# Toxiproxy's server for the slow fault, built from the Go module proxy (no
# release download can be reached here) into .tools/bin/toxiproxy-server. The
# version is pinned here and nowhere else. Never fails the caller: without it
# the Slow button is disabled with the reason, and the slow tests skip saying so.
set -uo pipefail
TOXIPROXY_VERSION="v2.5.0"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="$ROOT/.tools/bin"
BIN="$BIN_DIR/toxiproxy-server"
STAMP="$BIN_DIR/toxiproxy-server.version"
if [[ -x "$BIN" && "$(cat "$STAMP" 2>/dev/null)" == "$TOXIPROXY_VERSION" ]]; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "slow fault: Go is not installed, so Toxiproxy cannot be built (the Slow button will be disabled)"
  exit 0
fi
echo "slow fault: building Toxiproxy $TOXIPROXY_VERSION with go install (about a minute)"
TMP_BIN="$(mktemp -d)"
if GOBIN="$TMP_BIN" GOFLAGS=-mod=mod go install "github.com/Shopify/toxiproxy/v2/cmd/server@$TOXIPROXY_VERSION" >"$TMP_BIN/build.log" 2>&1; then
  mkdir -p "$BIN_DIR"
  mv "$TMP_BIN/server" "$BIN"
  echo "$TOXIPROXY_VERSION" > "$STAMP"
  echo "slow fault: Toxiproxy in $BIN"
else
  echo "slow fault: could not build Toxiproxy (the Slow button will be disabled):"
  tail -n 5 "$TMP_BIN/build.log"
fi
rm -rf "$TMP_BIN"
exit 0
