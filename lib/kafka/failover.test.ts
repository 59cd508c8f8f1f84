// FailoverSockets on a real loopback socket: a drop must reach kafkajs as an
// "error" event (what kafkajs listens for), and only for that broker.
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FailoverSockets } from "./failover";

let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((s) => s.on("error", () => {}));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const open = (f: FailoverSockets) =>
  new Promise<ReturnType<FailoverSockets["factory"]>>((resolve) => {
    const s = f.factory({ host: "127.0.0.1", port, ssl: {}, onConnect: () => resolve(s) });
  });

describe("FailoverSockets", () => {
  it("closes that broker's sockets with an error, and no one else's", async () => {
    const f = new FailoverSockets();
    const [a, b] = await Promise.all([open(f), open(f)]);
    const errors: string[] = [];
    a.on("error", (e) => errors.push(e.message));
    b.on("error", (e) => errors.push(e.message));
    expect(f.drop("127.0.0.1:1")).toBe(0);
    expect(a.destroyed).toBe(false);
    expect(f.drop(`127.0.0.1:${port}`)).toBe(2);
    await new Promise((r) => setTimeout(r, 20));
    expect(errors).toEqual([`closed after a request to 127.0.0.1:${port} timed out`, `closed after a request to 127.0.0.1:${port} timed out`]);
    expect([a.destroyed, b.destroyed]).toEqual([true, true]);
    expect(f.drop(`127.0.0.1:${port}`)).toBe(0); // closed sockets are forgotten
  });
});
