// The integration suite runs its own local cluster (own data dir and ports) so
// it never touches a cluster the developer has up for the dashboard.
// STREAMSOCIAL_IT_DATA_DIR / _PORT_BASE / _HTTP_PORT move it aside when two suites share a machine.
export const INTEGRATION_ENV: Record<string, string> = {
  DATA_DIR: process.env.STREAMSOCIAL_IT_DATA_DIR ?? ".data/test-cluster",
  LOCAL_PORT_BASE: process.env.STREAMSOCIAL_IT_PORT_BASE ?? "19592",
  PORT: process.env.STREAMSOCIAL_IT_HTTP_PORT ?? "3101",
  RUNTIME: "local",
  LOCAL_HEAP_MB: "512",
};
