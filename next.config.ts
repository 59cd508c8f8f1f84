import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // kafkajs, dockerode and @platformatic/kafka are Node libraries with native
  // or dynamic requires: keep them out of the server bundle.
  serverExternalPackages: ["kafkajs", "dockerode", "@platformatic/kafka", "ssh2", "cpu-features"],
  poweredByHeader: false,
  // npm test type-checks the whole tree as its own step (tsc --noEmit); the
  // build need not repeat it (and must not fail on a test file's types).
  typescript: { ignoreBuildErrors: true },
  // A build-tool knob, not app configuration: lets two checkouts' suites (or a
  // test run beside a running demo) build without overwriting each other.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
