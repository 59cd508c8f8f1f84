import { connect, type Socket } from "node:net";
import type { ISocketFactory } from "kafkajs";

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

/**
 * kafkajs keeps a connection whose request timed out, and keeps choosing it:
 * for the next metadata refresh (any "connected" broker will do) and for the
 * next request to that broker, each costing another timeout while the broker
 * is frozen. The Java client closes a connection on a request timeout; this
 * does the same: sockets are made here, and a client's REQUEST_TIMEOUT event
 * destroys its sockets to that broker, so kafkajs sees the connection closed,
 * refreshes its metadata from another broker and reconnects (bounded by the
 * connect timeout) only when it must.
 */
export class FailoverSockets {
  private readonly open = new Map<string, Set<Socket>>();

  readonly factory: ISocketFactory = ({ host, port, onConnect }) => {
    const socket = connect({ host, port }, onConnect);
    socket.setKeepAlive(true, 60_000);
    const key = `${host}:${port}`;
    const set = this.open.get(key) ?? new Set<Socket>();
    set.add(socket);
    this.open.set(key, set);
    socket.once("close", () => set.delete(socket));
    return socket;
  };

  /** `broker` as kafkajs names it in its events: "host:port". */
  drop(broker: string): number {
    const set = this.open.get(broker);
    if (!set) return 0;
    const n = set.size;
    // With an error: kafkajs listens for "error" and "end", not "close"; a plain destroy()
    // would leave it believing the connection alive, every request on it hanging until its timeout.
    for (const s of [...set]) s.destroy(new Error(`closed after a request to ${broker} timed out`));
    return n;
  }
}
