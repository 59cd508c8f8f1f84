// Which of our ports another program already holds on 127.0.0.1.
import net from "node:net";

function isBusy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(true));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(false)));
  });
}

export async function findBusyPorts(ports: number[]): Promise<number[]> {
  const busy = await Promise.all(ports.map(async (p) => ((await isBusy(p)) ? p : undefined)));
  return busy.filter((p): p is number => p !== undefined);
}
