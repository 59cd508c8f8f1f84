#!/usr/bin/env bash
# Copies the pinned Apache Kafka jars (and the JMX exporter agent) from Maven
# Central into .kafka-cache/<version>/. Idempotent: a warm cache returns at once.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck disable=SC1091
set -a; . "$root/.env"; set +a
version="${KAFKA_VERSION:?KAFKA_VERSION missing from .env}"
cache="${KAFKA_CACHE_DIR:-$root/.kafka-cache}/$version"
stamp="$cache/.complete"
if [[ -f "$stamp" ]]; then
  echo "kafka jars: $version cached in $cache"
  exit 0
fi
command -v mvn >/dev/null || { echo "kafka jars: Maven (mvn) is not installed; install it (apt-get install maven) and retry" >&2; exit 1; }
echo "kafka jars: fetching Apache Kafka $version from Maven Central..."
rm -rf "$cache.tmp"
mkdir -p "$cache.tmp"
mvn -q -B -f "$root/kafka/pom.xml" -Doutput.dir="$cache.tmp" \
  dependency:copy-dependencies@libs dependency:copy-dependencies@agent
ls "$cache.tmp/libs" | grep -q "^kafka_2.13-$version.jar$" || { echo "kafka jars: kafka_2.13-$version.jar missing after fetch" >&2; exit 1; }
# Swap the finished folder in so an interrupted fetch never looks complete.
rm -rf "$cache"
mv "$cache.tmp" "$cache"
date -u +%FT%TZ > "$stamp"
echo "kafka jars: $(ls "$cache/libs" | wc -l) jars in $cache"
