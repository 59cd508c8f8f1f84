import { describe, expect, it } from "vitest";
import { eventChange, splitEventLines, type DockerEvent } from "./docker-events";

const attrs = { "io.streamsocial.cluster": "streamsocial", "io.streamsocial.broker-id": "2", exitCode: "137", name: "x" };
const ev = (Action: string, extra: Partial<DockerEvent> = {}): DockerEvent => ({
  Type: "container",
  Action,
  Actor: { ID: "c2", Attributes: attrs },
  time: 1700000000,
  timeNano: 1700000000123456789,
  ...extra,
});

describe("splitEventLines", () => {
  it("parses complete lines and keeps the torn rest", () => {
    const a = JSON.stringify(ev("die"));
    const b = JSON.stringify(ev("start"));
    const { events, rest } = splitEventLines(`${a}\n${b.slice(0, 10)}`);
    expect(events).toHaveLength(1);
    expect(rest).toBe(b.slice(0, 10));
    const next = splitEventLines(`${rest}${b.slice(10)}\n`);
    expect(next.events[0]?.Action).toBe("start");
    expect(next.rest).toBe("");
  });

  it("skips blank and broken lines", () => {
    expect(splitEventLines("\n{oops\n\n").events).toEqual([]);
  });
});

describe("eventChange", () => {
  it("die -> exited at the event time, with the exit code", () => {
    expect(eventChange(ev("die"), "streamsocial")).toEqual({
      id: 2,
      containerId: "c2",
      status: "exited",
      since: Math.round(1700000000123456789 / 1e6),
      detail: "exit code 137 (SIGKILL)",
    });
  });

  it("start, pause, unpause, destroy", () => {
    expect(eventChange(ev("start"), "streamsocial")?.status).toBe("running");
    expect(eventChange(ev("pause"), "streamsocial")?.status).toBe("paused");
    const resumed = eventChange(ev("unpause"), "streamsocial", (cid) => (cid === "c2" ? 42 : null));
    expect(resumed).toMatchObject({ status: "running", since: 42 });
    expect(eventChange(ev("destroy"), "streamsocial")?.status).toBe("missing");
  });

  it("ignores other clusters, look-alikes, other actions and other object types", () => {
    expect(eventChange(ev("die"), "other")).toBeUndefined();
    const lookAlike = ev("die", { Actor: { ID: "x", Attributes: { "io.streamsocial.broker-id": "2" } } });
    expect(eventChange(lookAlike, "streamsocial")).toBeUndefined();
    expect(eventChange(ev("exec_start: bash -c true"), "streamsocial")).toBeUndefined();
    expect(eventChange(ev("create", { Type: "network" }), "streamsocial")).toBeUndefined();
  });

  it("falls back to seconds when there is no timeNano", () => {
    expect(eventChange(ev("start", { timeNano: undefined }), "streamsocial")?.since).toBe(1700000000000);
  });
});
