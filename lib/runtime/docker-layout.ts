// The Docker cluster of docker-compose.yml as the runtime sees it: which broker
// ids it runs and where clients reach them. Kept in step with the compose file
// by lib/runtime/docker-compose.test.ts.

export const DOCKER_NODE_IDS = [1, 2, 3] as const;
/** Default first client port (DOCKER_PORT_BASE); node N listens on base+N-1. */
export const DOCKER_CLIENT_PORT_BASE = 29092;
/** The KRaft controller listener of node N is published on base+CONTROLLER_OFFSET+N-1. */
export const DOCKER_CONTROLLER_PORT_OFFSET = 100;
/** The JMX exporter of node N is published on base+METRICS_OFFSET+N-1. */
export const DOCKER_METRICS_PORT_OFFSET = 200;
/** stop_grace_period of the compose services, in ms. */
export const DOCKER_STOP_GRACE_MS = 60_000;

export function dockerBootstrap(portBase = DOCKER_CLIENT_PORT_BASE, ids: readonly number[] = DOCKER_NODE_IDS): string[] {
  return ids.map((id) => `127.0.0.1:${portBase + id - 1}`);
}

export function dockerMetricsEndpoints(portBase = DOCKER_CLIENT_PORT_BASE, ids: readonly number[] = DOCKER_NODE_IDS): Record<number, string> {
  return Object.fromEntries(ids.map((id) => [id, `http://127.0.0.1:${portBase + DOCKER_METRICS_PORT_OFFSET + id - 1}/metrics`]));
}

export function dockerControllerEndpoints(portBase = DOCKER_CLIENT_PORT_BASE, ids: readonly number[] = DOCKER_NODE_IDS): Record<number, string> {
  return Object.fromEntries(ids.map((id) => [id, `127.0.0.1:${portBase + DOCKER_CONTROLLER_PORT_OFFSET + id - 1}`]));
}
