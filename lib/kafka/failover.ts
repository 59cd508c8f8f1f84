// Client timings for the traffic's producer and consumers, chosen so a frozen
// or killed leader costs about what Kafka takes to fence it
// (broker.session.timeout.ms, 6 s here, 9 s by Kafka's default), not more:
//  - a request gives up after REQUEST_TIMEOUT_MS, well below the session timeout,
//    so a send stuck on a frozen broker comes back while Kafka is still fencing;
//  - the broker is asked to give up waiting for acks=all a little earlier still,
//    so a healthy leader that waits on a dead follower answers (REQUEST_TIMED_OUT,
//    retriable) instead of letting the client time out;
//  - kafkajs refreshes metadata after a connection error or a retriable broker
//    error, but not after a request timeout; it does refresh on any request once
//    its metadata is older than metadataMaxAge, so that age is kept short and the
//    retry after a timeout asks for fresh leaders.
export const CLIENT_FAILOVER = {
  requestTimeoutMs: 2500,
  ackTimeoutMs: 2000,
  connectTimeoutMs: 1000,
  metadataMaxAgeMs: 1000,
} as const;
