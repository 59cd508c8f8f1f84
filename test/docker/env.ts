// The Docker test suites' own compose cluster: its own project (label, volumes,
// network) and ports 21092-21094 (JMX 21292-21294), so `npm test` never touches,
// let alone reformats, the demo's `streamsocial` cluster on 29092-29094.
export const DOCKER_TEST_ENV: Record<string, string> = {
  COMPOSE_PROJECT: "streamsocial-test",
  DOCKER_PORT_BASE: "21092",
};
