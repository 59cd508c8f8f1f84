// The integration suite runs its own local cluster (own data dir and ports) so
// it never touches a cluster the developer has up for the dashboard.
export const INTEGRATION_ENV: Record<string, string> = {
  DATA_DIR: ".data/test-cluster",
  LOCAL_PORT_BASE: "19592",
  RUNTIME: "local",
  LOCAL_HEAP_MB: "512",
};
