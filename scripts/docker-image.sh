#!/usr/bin/env bash
# npm run docker:image — builds streamsocial/kafka:<KAFKA_VERSION>, a local
# stand-in for apache/kafka on machines that cannot pull images: a Debian JRE
# base made with debootstrap + docker import (cached by tag), the pinned Maven
# jars, and an entrypoint that honours the official image's KAFKA_* variables.
# Rebuilt only when the version, the jars or docker/kafka/* change.
set -euo pipefail
# shellcheck source=scripts/docker-lib.sh
. "$(dirname "$0")/docker-lib.sh"

image_tag="$LOCAL_IMAGE_REPO:$KAFKA_VERSION"
engine_answers || die "$EXIT_NO_ENGINE" "no Docker engine answers on $DOCKER_SOCKET; run scripts/docker-setup.sh (it installs and starts one)"

bash "$DOCKER_ROOT/scripts/fetch-kafka-jars.sh"
jars="${KAFKA_CACHE_DIR:-$DOCKER_ROOT/.kafka-cache}/$KAFKA_VERSION"

build_base() {
  local mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}" rootfs
  is_root || die "$EXIT_NEEDS_ROOT" "building the base image needs root (debootstrap); run as root"
  command -v debootstrap >/dev/null || die "$EXIT_NEEDS_ROOT" "debootstrap is missing: apt-get install debootstrap"
  rootfs="$(mktemp -d /var/tmp/streamsocial-rootfs.XXXXXX)"
  trap 'rm -rf "$rootfs"' RETURN
  log "debootstrap bookworm + openjdk-17-jre-headless into $rootfs ..."
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs" "$mirror" \
    >"$rootfs.log" 2>&1 || { tail -20 "$rootfs.log" >&2; die 1 "debootstrap failed (log $rootfs.log)"; }
  rm -f "$rootfs.log"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*
  tar -C "$rootfs" -c . | "$DOCKER" import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV LANG=C.UTF-8' \
    -c 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
    -c 'CMD ["bash"]' \
    - "$BASE_IMAGE" >/dev/null
}

t0="$(now_ms)"
if "$DOCKER" image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  log "base image $BASE_IMAGE cached"
else
  build_base
  log "base image $BASE_IMAGE built in $(( ($(now_ms) - t0) / 1000 )) s"
fi

# What the image is made of; a change in any of it means a rebuild.
base_id="$("$DOCKER" image inspect -f '{{.Id}}' "$BASE_IMAGE")"
hash="$( { echo "$KAFKA_VERSION $base_id"; ls -l "$jars/libs"; cat "$DOCKER_ROOT"/docker/kafka/*; } | sha256sum | cut -c1-16)"
have="$("$DOCKER" image inspect -f '{{index .Config.Labels "io.streamsocial.build-hash"}}' "$image_tag" 2>/dev/null || true)"
if [[ "$have" == "$hash" ]]; then
  log "image $image_tag up to date"
  exit 0
fi

t1="$(now_ms)"
ctx="$(mktemp -d /var/tmp/streamsocial-image.XXXXXX)"
trap 'rm -rf "$ctx"' EXIT
cp -r "$jars/libs" "$ctx/libs"
cp "$DOCKER_ROOT"/docker/kafka/* "$ctx/"
"$DOCKER" build -q -f "$ctx/Dockerfile" -t "$image_tag" \
  --build-arg "BASE=$BASE_IMAGE" --build-arg "KAFKA_VERSION=$KAFKA_VERSION" \
  --label "io.streamsocial.build-hash=$hash" "$ctx" >"$ctx.log" 2>&1 \
  || { cat "$ctx.log" >&2; rm -f "$ctx.log"; die 1 "docker build failed"; }
rm -f "$ctx.log"
log "image $image_tag built in $(( ($(now_ms) - t1) / 1000 )) s"
