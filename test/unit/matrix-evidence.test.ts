import { describe, expect, it } from "vitest";
import { DUMP_END, formatEvidence, notableLines, threadDumpNotes } from "../matrix/evidence";

const at = (s: string) => new Date(s).getTime();
const LOG = [
  "[2026-12-07 05:00:00,000] ERROR before the fault (kafka.server.ReplicaManager)",
  "[2026-12-07 05:00:10,000] INFO [Broker id=1] Transitioning 3 partition(s) to local leaders. (state.change.logger)",
  "[2026-12-07 05:00:11,500] ERROR Encountered metadata publishing fault: Error applying topics delta in MetadataDelta up to 412 (org.apache.kafka.server.fault.LoggingFaultHandler)",
  "java.lang.IllegalStateException: something",
  "\tat kafka.cluster.Partition.makeLeader(Partition.scala:1)",
  "[2026-12-07 05:00:12,000] INFO [Broker id=1] Skipped the become-leader state change for canary-0 (state.change.logger)",
  "[2026-12-07 05:00:13,000] WARN [ReplicaFetcher replicaId=1] Error in response for fetch request (kafka.server.ReplicaFetcherThread)",
].join("\n");

describe("notableLines: a broker log's errors and skipped state changes since the fault", () => {
  it("keeps stamped error and skipped-transition lines at or after `since`, drops earlier ones and plain INFO", () => {
    const lines = notableLines(LOG, at("2026-12-07T05:00:05"));
    expect(lines).toEqual([
      expect.stringContaining("Error applying topics delta"),
      expect.stringContaining("Skipped the become-leader state change for canary-0"),
      expect.stringContaining("Error in response for fetch request"),
    ]);
  });

  it("keeps only the last `max` lines and cuts long ones", () => {
    const long = `[2026-12-07 05:00:20,000] ERROR ${"x".repeat(1000)}`;
    const lines = notableLines(`${LOG}\n${long}`, 0, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.length).toBeLessThan(410);
    expect(lines[1]?.endsWith("…")).toBe(true);
  });

  it("formats the topic description and each broker's lines, saying so when a log had none", () => {
    const text = formatEvidence("Topic: canary\tPartition: 0\tLeader: 1", { 1: ["[..] ERROR a"], 2: [] });
    expect(text).toContain("kafka-topics --describe: Topic: canary");
    expect(text).toContain("broker 1 log: \n  [..] ERROR a");
    expect(text).toContain("broker 2 log: no errors");
  });
});

const DUMP = `2026-12-07 05:00:30
Full thread dump OpenJDK 64-Bit Server VM (17.0.13+11-Debian-2deb12u1 mixed mode, sharing):

"main" #1 prio=5 os_prio=0 cpu=1.00ms elapsed=100s tid=0x1 nid=0x1 waiting on condition  [0x0]
   java.lang.Thread.State: WAITING (parking)
\tat jdk.internal.misc.Unsafe.park(java.base@17/Native Method)

"kafka-1-metadata-loader-event-handler" #40 prio=5 os_prio=0 cpu=9.00ms elapsed=90s tid=0x2 nid=0x2 waiting for monitor entry  [0x0]
   java.lang.Thread.State: BLOCKED (on object monitor)
\tat kafka.server.ReplicaManager.applyDelta(ReplicaManager.scala:2700)
\t- waiting to lock <0x1> (a java.lang.Object)
\tat kafka.server.metadata.BrokerMetadataPublisher.onMetadataUpdate(BrokerMetadataPublisher.scala:140)
\tat org.apache.kafka.image.loader.MetadataLoader.publish(MetadataLoader.java:1)

"data-plane-kafka-request-handler-0" #50 prio=5 os_prio=0 cpu=9.00ms elapsed=90s tid=0x3 nid=0x3 waiting on condition  [0x0]
   java.lang.Thread.State: TIMED_WAITING (parking)
\tat jdk.internal.misc.Unsafe.park(java.base@17/Native Method)

JNI global refs: 20, weak refs: 0
`;

describe("threadDumpNotes: a thread dump in the few lines that matter", () => {
  it("lists a telling thread that is BLOCKED with its top frames, and nothing for waiting or unrelated threads", () => {
    const notes = threadDumpNotes(DUMP);
    expect(notes[0]).toBe("kafka-1-metadata-loader-event-handler: BLOCKED");
    expect(notes[1]).toBe("  at kafka.server.ReplicaManager.applyDelta(ReplicaManager.scala:2700)");
    expect(notes.join("\n")).not.toMatch(/main|request-handler-0/);
    expect(DUMP_END.test(DUMP)).toBe(true);
  });

  it("quotes a deadlock Java found", () => {
    const notes = threadDumpNotes(`${DUMP}\nFound one Java-level deadlock:\n=============================\n"a":\n  waiting to lock monitor 0x1`);
    expect(notes).toContain("Found one Java-level deadlock:");
  });

  it("says nothing for a dump with no blocked telling thread", () => {
    expect(threadDumpNotes(DUMP.replace("BLOCKED (on object monitor)", "RUNNABLE"))).toEqual([]);
  });
});
