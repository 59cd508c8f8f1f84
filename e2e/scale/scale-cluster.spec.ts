// A 5-broker + 3-dedicated-controller cluster, checked against Kafka's own
// witnesses (its metadata through the test's own client, MetadataQuorumCommand
// against the controllers): every node listed with its role, the active
// controller's death moves the quorum's leader and the dashboard shows the one
// Kafka's tool names, and a broker's death works as on the 3-node cluster.
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { ClusterSnapshot } from "@/lib/model/cluster";
import type { PartitionPage } from "@/lib/model/topics";
import { sleep } from "@/lib/util/poll";
import { kafkaBrokers, kafkaLogDirBytes, kafkaQuorumLeader, scaleRuntime, statfsOf } from "./cluster";
import { SCALE_BROKERS } from "./env";

const BROKERS = Array.from({ length: SCALE_BROKERS }, (_, i) => i + 1);
const CONTROLLERS = [101, 102, 103];

async function snapshot(request: APIRequestContext): Promise<ClusterSnapshot> {
  const res = await request.get("/api/cluster", { timeout: 10_000 });
  expect(res.status()).toBe(200);
  return (await res.json()) as ClusterSnapshot;
}

const stateOf = (s: ClusterSnapshot, id: number) => s.brokers.find((b) => b.id === id)?.state;

async function restore(request: APIRequestContext): Promise<void> {
  const rt = scaleRuntime();
  for (const p of await rt.list()) if (p.status === "exited") await rt.start(p.id);
  rt.close();
  await expect.poll(async () => (await snapshot(request)).health, { timeout: 180_000, intervals: [500] }).toBe("HEALTHY");
}

test.describe.configure({ mode: "serial" });
test.beforeEach(async ({ request }) => restore(request));

test("every broker and controller is listed with its role, as Kafka's own metadata and quorum tool say", async ({ request, page }) => {
  const s = await snapshot(request);
  expect(s.brokers.map((b) => b.id)).toEqual([...BROKERS, ...CONTROLLERS]);
  expect(s.brokers.filter((b) => b.controllerOnly).map((b) => b.id)).toEqual(CONTROLLERS);
  expect(s.brokers.filter((b) => b.isVoter).map((b) => b.id)).toEqual(CONTROLLERS);
  expect(s.brokers.every((b) => b.state === "RUNNING")).toBe(true);
  expect(s.figures.brokers).toBe(SCALE_BROKERS);
  // Independent witnesses: Kafka's registered brokers, and its quorum tool's voters and leader.
  expect(await kafkaBrokers()).toEqual(BROKERS);
  const quorum = await kafkaQuorumLeader();
  expect(quorum.voters).toEqual(CONTROLLERS);
  expect(s.controllerId).toBe(quorum.leader);
  expect(s.brokers.filter((b) => b.registered).map((b) => b.id)).toEqual(BROKERS);

  await page.goto("/");
  for (const id of [...BROKERS, ...CONTROLLERS]) await expect(page.getByTestId(`broker-state-${id}`)).toHaveText("RUNNING", { timeout: 30_000 });
  await expect(page.locator('[data-role="controller"]')).toHaveCount(3);
  await expect(page.locator('[data-role="broker"]')).toHaveCount(SCALE_BROKERS);
  await expect(page.getByTestId(`broker-role-${quorum.leader}`)).toHaveText("active controller");
  await expect(page.getByTestId("broker-grid")).toHaveAttribute("data-compact", "true");
});

test("each broker's disk is what Kafka's LogDirsCommand and the kernel say: replica bytes, filesystem total and free", async ({ request, page }) => {
  // Sampled every 30 s: wait for a whole sample of every broker (one taken while a broker was
  // down stays an estimate until its next), then compare with the tools at once.
  await expect
    .poll(async () => (await snapshot(request)).brokers.filter((b) => b.disk !== null && !b.disk.estimate).length, { timeout: 75_000, intervals: [1000] })
    .toBe(SCALE_BROKERS);
  const s = await snapshot(request);
  const tool = await kafkaLogDirBytes();
  for (const id of BROKERS) {
    const disk = s.brokers.find((b) => b.id === id)!.disk!;
    const fsNow = statfsOf(id);
    expect(disk.estimate, `broker ${id}: ${disk.error ?? ""}`).toBe(false);
    expect(disk.logDirs).toBe(1);
    expect(disk.totalBytes).toBe(fsNow.total);
    // Free space moves with everything else on the machine: within 2 % of the kernel's figure.
    expect(Math.abs((disk.usableBytes ?? 0) - fsNow.usable)).toBeLessThan(fsNow.total * 0.02);
    // The canary and the metadata write while we look: up to 30 s of that apart, never more than 1 MiB.
    expect(tool[id], `LogDirsCommand answered for broker ${id}`).toBeDefined();
    expect(Math.abs(disk.sizeBytes - (tool[id] ?? 0))).toBeLessThan(1024 * 1024);
    expect(disk.sizeBytes).toBeGreaterThan(0);
  }
  // Dedicated controllers hold no data: no disk figures for them.
  for (const id of CONTROLLERS) expect(s.brokers.find((b) => b.id === id)!.disk).toBeNull();
  await page.goto("/");
  await expect(page.getByTestId("broker-disk-1")).toContainText("% free", { timeout: 30_000 });
});

test("killing the dedicated controller that leads the quorum moves the leader: shown as Kafka's tool names it, brokers RUNNING in every sample", async ({ request, page }) => {
  const before = (await kafkaQuorumLeader()).leader;
  expect(CONTROLLERS).toContain(before);
  await page.goto("/");
  await expect(page.getByTestId(`broker-role-${before}`)).toHaveText("active controller", { timeout: 30_000 });
  const rt = scaleRuntime();
  await rt.kill(before as number);
  const tKill = Date.now();
  // Sample until Kafka's tool names a new leader and the dashboard shows that one; bounded.
  const samples: { at: number; s: ClusterSnapshot }[] = [];
  let tool: number | null = null;
  while (Date.now() - tKill < 60_000) {
    const s = await snapshot(request);
    samples.push({ at: Date.now(), s });
    if (samples.length % 8 === 0) tool = (await kafkaQuorumLeader()).leader;
    if (tool !== null && tool !== before && s.controllerId === tool) break;
    await sleep(250);
  }
  expect(tool, "Kafka's quorum tool named a new leader").not.toBeNull();
  expect(tool).not.toBe(before);
  const last = samples.at(-1)!.s;
  expect(last.controllerId).toBe(tool);
  // What must hold in every sample from 1 s after the kill: the dead controller SHUTDOWN, every broker
  // RUNNING (they run and serve), and the cluster DEGRADED (a voter down), never CRITICAL: 2 of 3 voters live.
  for (const { at, s } of samples.filter((x) => x.at > tKill + 1000)) {
    const where = `${at - tKill} ms after the kill`;
    expect(stateOf(s, before as number), where).toBe("SHUTDOWN");
    for (const id of BROKERS) expect(stateOf(s, id), `${where}: broker ${id}`).toBe("RUNNING");
    expect(s.health, `${where}: ${s.healthReason}`).toBe("DEGRADED");
  }
  expect(last.healthReason).toContain(`controller ${before} is down`);
  await expect(page.getByTestId(`broker-state-${before}`)).toHaveText("SHUTDOWN");
  await expect(page.getByTestId(`broker-role-${tool}`)).toHaveText("active controller", { timeout: 15_000 });

  await rt.start(before as number);
  rt.close();
  await expect(page.getByTestId(`broker-state-${before}`)).toHaveText("RUNNING", { timeout: 60_000 });
});

test("two dedicated controllers killed: the quorum is lost (Kafka's tool finds no leader), CRITICAL in every sample, every broker still RUNNING; both back → HEALTHY", async ({ request }) => {
  const before = (await kafkaQuorumLeader()).leader as number;
  const victims = [before, CONTROLLERS.find((id) => id !== before) as number];
  const rt = scaleRuntime();
  for (const id of victims) await rt.kill(id);
  const tKill = Date.now();
  const samples: { at: number; s: ClusterSnapshot }[] = [];
  while (Date.now() - tKill < 15_000) {
    samples.push({ at: Date.now(), s: await snapshot(request) });
    await sleep(250);
  }
  const tool = await kafkaQuorumLeader();
  expect(tool.leader, "MetadataQuorumCommand finds no active controller").toBeNull();
  for (const { at, s } of samples.filter((x) => x.at > tKill + 2000)) {
    const where = `${at - tKill} ms after the kill`;
    expect(s.health, `${where}: ${s.healthReason}`).toBe("CRITICAL");
    expect(s.quorumVerdict.status, where).toBe("lost");
    expect(s.controllerId, where).toBeNull();
    for (const id of victims) expect(stateOf(s, id), `${where}: controller ${id}`).toBe("SHUTDOWN");
    // The brokers run and answer: losing the quorum makes none of them look dead.
    for (const id of BROKERS) expect(stateOf(s, id), `${where}: broker ${id}`).toBe("RUNNING");
  }
  expect(samples.at(-1)!.s.healthReason).toMatch(/KRaft quorum lost: 1 of 3 controllers alive, 2 needed/);
  for (const id of victims) await rt.start(id);
  rt.close();
  await expect.poll(async () => (await snapshot(request)).health, { timeout: 120_000, intervals: [500] }).toBe("HEALTHY");
  expect((await snapshot(request)).controllerId).toBe((await kafkaQuorumLeader()).leader);
});

test("killing a broker works as on the 3-node cluster: SHUTDOWN at once, its partitions under-replicated, fenced by Kafka, whole again after a start", async ({ request }) => {
  const victim = 3;
  const rt = scaleRuntime();
  await rt.kill(victim);
  const t0 = Date.now();
  await expect.poll(async () => stateOf(await snapshot(request), victim), { timeout: 5000, intervals: [50] }).toBe("SHUTDOWN");
  const seenMs = Date.now() - t0;
  expect(seenMs).toBeLessThan(2000);
  // Kafka fences it: gone from its own metadata (the test's client), one session timeout after the kill.
  await expect.poll(() => kafkaBrokers(), { timeout: 30_000, intervals: [500] }).toEqual(BROKERS.filter((id) => id !== victim));
  const s = await snapshot(request);
  expect(s.health).toBe("DEGRADED");
  expect(s.figures.underReplicated).toBeGreaterThan(0);
  expect(s.figures.offline).toBe(0);
  // The paged partition table agrees: every under-replicated row lacks the victim, and only such rows are problems.
  const res = await request.get("/api/topics/partitions?state=problems&limit=1000");
  const page1 = (await res.json()) as PartitionPage;
  expect(page1.total).toBe(s.figures.underReplicated);
  for (const p of page1.partitions) {
    expect(p.replicas).toContain(victim);
    expect(p.effectiveIsr).not.toContain(victim);
    expect(p.status).toBe("under-replicated");
  }
  await rt.start(victim);
  rt.close();
  await expect.poll(async () => (await snapshot(request)).health, { timeout: 180_000, intervals: [500] }).toBe("HEALTHY");
});
