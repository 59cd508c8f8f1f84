import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // kafkajs, dockerode and @platformatic/kafka are Node libraries with native
  // or dynamic requires: keep them out of the server bundle.
  serverExternalPackages: ["kafkajs", "dockerode", "@platformatic/kafka", "ssh2", "cpu-features"],
  poweredByHeader: false,
};

export default nextConfig;
