import { describe, expect, it } from "vitest";
import { containerProcess, dockerTime, exitDetail, missingProcess } from "./docker-state";

const started = "2025-01-02T03:04:05.678Z";
const finished = "2025-01-02T03:10:00.000Z";

describe("dockerTime", () => {
  it("parses Docker's RFC 3339 timestamps (nanoseconds included)", () => {
    expect(dockerTime("2025-01-02T03:04:05.678901234Z")).toBe(Date.parse("2025-01-02T03:04:05.678Z"));
  });
  it("treats Docker's zero time and garbage as unknown", () => {
    expect(dockerTime("0001-01-01T00:00:00Z")).toBeNull();
    expect(dockerTime("")).toBeNull();
    expect(dockerTime("yesterday")).toBeNull();
    expect(dockerTime(undefined)).toBeNull();
  });
});

describe("containerProcess", () => {
  it("running since StartedAt", () => {
    expect(containerProcess(1, "c1", { Status: "running", Running: true, StartedAt: started, FinishedAt: "0001-01-01T00:00:00Z" })).toEqual({
      id: 1,
      containerId: "c1",
      status: "running",
      since: Date.parse(started),
    });
  });

  it("paused (Docker also says Running) since when we saw it pause", () => {
    const p = containerProcess(2, "c2", { Status: "paused", Running: true, Paused: true, StartedAt: started }, 1234);
    expect(p.status).toBe("paused");
    expect(p.since).toBe(1234);
    expect(containerProcess(2, "c2", { Running: true, Paused: true }).since).toBeNull();
  });

  it("exited since FinishedAt, with the exit code in words", () => {
    const p = containerProcess(3, "c3", { Status: "exited", Running: false, ExitCode: 137, StartedAt: started, FinishedAt: finished });
    expect(p).toMatchObject({ status: "exited", since: Date.parse(finished), detail: "exit code 137 (SIGKILL)" });
    expect(containerProcess(3, "c3", { Status: "dead", ExitCode: 143, FinishedAt: finished }).detail).toBe("exit code 143 (SIGTERM)");
  });

  it("created-but-never-started and restarting count as not running", () => {
    expect(containerProcess(1, "c", { Status: "created" })).toMatchObject({ status: "exited", since: null });
    expect(containerProcess(1, "c", { Status: "restarting", Restarting: true, Running: true })).toMatchObject({ status: "exited", detail: "restarting" });
  });

  it("missing carries a hint and no container id", () => {
    const p = missingProcess(2, "streamsocial");
    expect(p).toMatchObject({ id: 2, status: "missing", since: null });
    expect(p.containerId).toBeUndefined();
    expect(p.detail).toMatch(/docker-setup\.sh -p streamsocial/);
  });
});

describe("exitDetail", () => {
  it("names signals and out-of-memory kills", () => {
    expect(exitDetail(0)).toBe("exit code 0");
    expect(exitDetail(1)).toBe("exit code 1");
    expect(exitDetail(137, true)).toBe("exit code 137 (SIGKILL), out of memory");
    expect(exitDetail(undefined)).toBe("exited");
  });
});
