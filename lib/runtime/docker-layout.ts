// The Docker cluster of docker-compose.yml as the runtime sees it: which broker
// ids it runs and where clients reach them. Kept in step with the compose file
// by lib/runtime/docker-compose.test.ts.

export const DOCKER_NODE_IDS = [1, 2, 3] as const;
export const DOCKER_CLIENT_PORT_BASE = 29092;
export const DOCKER_METRICS_PORT_BASE = 29292;
/** stop_grace_period of the compose services, in ms. */
export const DOCKER_STOP_GRACE_MS = 60_000;

export function dockerBootstrap(ids: readonly number[] = DOCKER_NODE_IDS): string[] {
  return ids.map((id) => `127.0.0.1:${DOCKER_CLIENT_PORT_BASE + id - 1}`);
}
