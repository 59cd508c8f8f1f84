// The e2e suite's own cluster and dashboard: own data dir, own ports, so it never
// touches the demo cluster or another suite's. One place, read by the server script,
// the fixtures, the teardown and the bench.
// STREAMSOCIAL_E2E_DATA_DIR / _PORT_BASE / _HTTP_PORT move it aside when two suites share a machine.
export const E2E_PORT = Number(process.env.STREAMSOCIAL_E2E_HTTP_PORT ?? "3200");
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

export const E2E_ENV: Record<string, string> = {
  DATA_DIR: process.env.STREAMSOCIAL_E2E_DATA_DIR ?? ".data/e2e-cluster",
  LOCAL_PORT_BASE: process.env.STREAMSOCIAL_E2E_PORT_BASE ?? "20092",
  RUNTIME: "local",
  LOCAL_HEAP_MB: "512",
  HOST: "127.0.0.1",
  PORT: String(E2E_PORT),
};
