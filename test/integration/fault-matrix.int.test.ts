// The fault matrix on the real local cluster: one scenario after another, each
// sampled every 250 ms through the dashboard's API beside the test's own probes,
// writes and Kafka's MetadataQuorumCommand (test/matrix/). A test fails with the
// list of every sample in which the dashboard did not tell the truth.
import { afterAll, describe, expect, it } from "vitest";
import { localLayoutFromConfig } from "@/lib/runtime/local-cluster";
import { figures, healSummary, violations } from "../matrix/checks";
import { localEvidence } from "../matrix/evidence";
import { SCENARIOS, runScenario } from "../matrix/scenarios";
import { runtimeTarget } from "../matrix/sampler";
import { testConfig, testRuntime, waitHealed } from "./helpers";
import { baseUrl, TEST_TOKEN } from "./server";

const cfg = testConfig();
const runtime = testRuntime();
const pids = async () => Object.fromEntries((await runtime.list()).flatMap((p) => (p.pid ? [[p.id, p.pid]] : [])));
const logFiles = Object.fromEntries(localLayoutFromConfig(cfg).nodes.map((n) => [n.id, n.logFile]));
const target = {
  ...runtimeTarget("local", baseUrl(), runtime, cfg, { authorization: `Bearer ${TEST_TOKEN}` }),
  evidence: (since: number, dump: readonly number[]) =>
    localEvidence({ kafkaHome: cfg.kafkaHome, javaBin: cfg.JAVA_BIN, bootstrap: runtime.bootstrap, topic: cfg.CANARY_TOPIC, logFiles, pids }, since, dump),
};
// Network faults need root, iptables and cgroup2; where they cannot be had, their scenarios skip and say why.
const faults = await runtime.network.support();
if (!faults.ok) console.warn(`[matrix] network-fault scenarios skipped: ${faults.reason}`);

afterAll(async () => {
  await waitHealed();
});

describe("fault matrix (local cluster): the dashboard against the test's own probes", () => {
  it("starts from a healthy cluster", async () => {
    expect(await waitHealed()).toBe(true);
  });

  // Asked only when a heal fails, so proven here on the healthy cluster: it must work the day it is needed.
  it("can gather Kafka's own account: the topic as TopicCommand describes it, the logs, a thread dump", async () => {
    const text = await target.evidence(Date.now() - 60_000, [1]);
    expect(text).toMatch(new RegExp(`Topic: ${cfg.CANARY_TOPIC}\\s+TopicId`));
    expect(text).toMatch(/broker 3 log: /);
    expect(text).toMatch(/broker 1 threads: (no deadlock|\n)/);
  });

  for (const scenario of SCENARIOS) {
    it.skipIf(scenario.network === true && !faults.ok)(`${scenario.name}: ${scenario.expect} in every sample, no false state, quorum as Kafka says, nothing recovered that did not`, async () => {
      const run = await runScenario(target, scenario);
      const f = figures(run);
      console.log(`[matrix] ${scenario.name}: fault→${scenario.expect} ${f.faultToHealthMs} ms, fault→${scenario.brokenStates.join("/")} ${f.faultToStateMs} ms, false state ${f.falseStateS} s, canary p50 ${f.canaryP50} ms p99 ${f.canaryP99} ms, ${healSummary(run)}`);
      if (run.evidence) console.warn(`[matrix] ${scenario.name}: Kafka's own account\n${run.evidence}`);
      expect(violations(run)).toEqual([]);
      expect(f.faultToHealthMs).not.toBeNull();
      expect(f.faultToHealthMs ?? Infinity).toBeLessThanOrEqual(2000);
    });
  }
});
