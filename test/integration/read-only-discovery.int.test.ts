// A dashboard monitoring "someone else's" cluster (RUNTIME=none) through one
// bootstrap address keeps a true picture when that very broker dies: like any
// Kafka client it asks the brokers it learned from metadata. Real cluster, real
// second dashboard server, no runtime knowledge in the dashboard at all.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClusterSnapshot } from "@/lib/model/cluster";
import { sleep } from "@/lib/util/poll";
import { startDashboard, type DashboardServer } from "../dashboard-server";
import { INTEGRATION_ENV } from "./env";
import { testRuntime, waitHealed } from "./helpers";

const PORT = Number(process.env.STREAMSOCIAL_IT_RO_PORT ?? "3102");
const runtime = testRuntime();
const victim = runtime.brokerIds[1] as number;
const victimAddress = runtime.bootstrap[1] as string;
let server: DashboardServer | undefined;

const snapshot = async (): Promise<ClusterSnapshot | null> => {
  try {
    const res = await fetch(`http://127.0.0.1:${PORT}/api/cluster`, { signal: AbortSignal.timeout(3000) });
    return res.ok ? ((await res.json()) as ClusterSnapshot) : null;
  } catch {
    return null;
  }
};

beforeAll(async () => {
  expect(await waitHealed()).toBe(true);
  server = await startDashboard({
    port: PORT,
    env: { ...INTEGRATION_ENV, RUNTIME: "none", KAFKA_BROKERS: victimAddress, PORT: String(PORT) },
    logFile: path.join(INTEGRATION_ENV.DATA_DIR ?? ".data/test-cluster", "dashboard-readonly.log"),
  });
});

afterAll(async () => {
  await server?.stop();
  await waitHealed();
});

describe("RUNTIME=none with one bootstrap address", () => {
  it("keeps the other brokers RUNNING and the cluster DEGRADED (not UNREACHABLE) when the bootstrap broker is killed", async () => {
    const first = await snapshot();
    expect(first?.health).toBe("HEALTHY");
    expect(first?.runtime.kind).toBe("none");
    expect(first?.canary).toBeNull(); // it writes to nobody else's cluster unless told to
    await runtime.kill(victim);
    const tKill = Date.now();
    const samples: { at: number; s: ClusterSnapshot | null }[] = [];
    while (Date.now() - tKill < 14_000) {
      samples.push({ at: Date.now(), s: await snapshot() });
      await sleep(250);
    }
    const settled = samples.filter((x) => x.at - tKill >= 2000);
    expect(settled.length).toBeGreaterThan(20);
    for (const { at, s } of settled) {
      const when = `${((at - tKill) / 1000).toFixed(2)} s after the kill`;
      expect(s, when).not.toBeNull();
      expect(s?.health, `${when}: ${s?.healthReason}`).toBe("DEGRADED");
      for (const b of s?.brokers ?? []) {
        if (b.id !== victim) expect(b.state, `${when}: broker ${b.id} ${b.reason}`).toBe("RUNNING");
        else expect(["UNRESPONSIVE", "SHUTDOWN"], when).toContain(b.state);
      }
      expect(s?.answeredBy, when).not.toBe(victimAddress);
    }
  });
});
