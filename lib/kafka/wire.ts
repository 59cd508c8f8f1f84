// Low-level Kafka requests through @platformatic/kafka, for what kafkajs cannot
// do: DescribeQuorum (kafkajs has none), and metadata/offsets that still answer
// while a partition is leaderless (kafkajs throws on the first partition error).
// One connection per broker address, reused across polls, dropped on failure.
import { Connection, ResponseError } from "@platformatic/kafka";
import { withTimeout } from "@/lib/util/poll";

// @platformatic/kafka targets Node 22 and calls Promise.withResolvers; Node 20 lacks it.
if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== "function") {
  Object.defineProperty(Promise, "withResolvers", {
    configurable: true,
    writable: true,
    value<T>() {
      let resolve!: (v: T) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

export class WirePool {
  private conns = new Map<string, Promise<Connection>>();

  constructor(
    private readonly clientId: string,
    private readonly timeoutMs: number,
  ) {}

  /** Runs `call` on the connection to host:port; any failure drops the connection. */
  async request<T>(address: string, call: (c: Connection) => Promise<T>): Promise<T> {
    const conn = this.connection(address);
    try {
      return await withTimeout(
        conn.then((c) => call(c)),
        this.timeoutMs,
        `${address} did not answer within ${this.timeoutMs} ms`,
      );
    } catch (err) {
      // A ResponseError is an answer (with per-item error codes), not a broken connection.
      if (!(err instanceof ResponseError)) this.drop(address);
      throw err;
    }
  }

  close(): void {
    for (const address of [...this.conns.keys()]) this.drop(address);
  }

  private connection(address: string): Promise<Connection> {
    let c = this.conns.get(address);
    if (!c) {
      const [host, port] = splitAddress(address);
      const conn = new Connection(this.clientId, {
        connectTimeout: this.timeoutMs,
        requestTimeout: this.timeoutMs,
        maxInflights: 8,
      });
      conn.on("error", () => this.drop(address));
      c = (conn.connect(host, port) as Promise<void>).then(() => conn);
      c.catch(() => this.drop(address));
      this.conns.set(address, c);
    }
    return c;
  }

  /** Closes the connection to `address` (a request on it that nobody awaits any more). */
  drop(address: string): void {
    const c = this.conns.get(address);
    this.conns.delete(address);
    c?.then((conn) => conn.close()).catch(() => {});
  }
}

export function splitAddress(address: string): [string, number] {
  const i = address.lastIndexOf(":");
  return [address.slice(0, i).replace(/^\[|\]$/g, ""), Number(address.slice(i + 1))];
}

/** A ResponseError still carries the parsed response: use it (that is the point). */
export async function answerEvenWithErrors<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof ResponseError && (err as { response?: unknown }).response) {
      return (err as unknown as { response: T }).response;
    }
    throw err;
  }
}
