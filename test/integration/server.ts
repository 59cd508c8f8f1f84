// The dashboard's real Next.js server, started against the integration cluster
// with a token, its output kept in .data/test-cluster/dashboard.log.
import path from "node:path";
import { startDashboard, type DashboardServer } from "../dashboard-server";
import { INTEGRATION_ENV } from "./env";

export const TEST_TOKEN = "integration-token-123";
export const baseUrl = () => `http://127.0.0.1:${INTEGRATION_ENV.PORT}`;

export function startServer(): Promise<DashboardServer> {
  return startDashboard({
    port: Number(INTEGRATION_ENV.PORT ?? "3101"),
    env: { ...INTEGRATION_ENV, DASHBOARD_TOKEN: TEST_TOKEN },
    logFile: path.join(INTEGRATION_ENV.DATA_DIR ?? ".data/test-cluster", "dashboard.log"),
  });
}
