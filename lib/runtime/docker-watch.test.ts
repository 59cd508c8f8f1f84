// DockerWatch with a stand-in for dockerode's getEvents: event lines pushed by
// hand, streams ended by hand. The real engine is exercised in test/docker/.
import { PassThrough } from "node:stream";
import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { pollUntil } from "@/lib/util/poll";
import { DockerWatch } from "./docker-watch";
import type { BrokerProcess } from "./types";

const labels = (id: number) => ({ "io.streamsocial.cluster": "p", "io.streamsocial.broker-id": String(id) });
const line = (id: number, Action: string, extra: Record<string, string> = {}) =>
  `${JSON.stringify({ Type: "container", Action, Actor: { ID: `c${id}`, Attributes: { ...labels(id), ...extra } }, timeNano: 1e18 })}\n`;
const proc = (id: number, status: BrokerProcess["status"]): BrokerProcess => ({ id, containerId: `c${id}`, status, since: 1 });

function fakeDocker() {
  const streams: PassThrough[] = [];
  const docker = {
    getEvents: async () => {
      const s = new PassThrough();
      streams.push(s);
      return s;
    },
  } as unknown as Docker;
  return { docker, streams };
}

function setup(list: () => BrokerProcess[]) {
  const { docker, streams } = fakeDocker();
  const seen: BrokerProcess[] = [];
  const watch = new DockerWatch({
    docker,
    project: "p",
    connectTimeoutMs: 1000,
    resync: async () => list(),
    startedAt: () => null,
    onChange: () => {},
  });
  const stop = watch.add((p) => seen.push(p));
  return { streams, seen, stop };
}

describe("DockerWatch", () => {
  it("seeds silently, then reports events, even when a line arrives in pieces", async () => {
    const { streams, seen, stop } = setup(() => [proc(1, "running"), proc(2, "running")]);
    await pollUntil(() => streams.length === 1, { timeoutMs: 1000, intervalMs: 5 });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
    const die = line(2, "die", { exitCode: "137" });
    streams[0]?.write(die.slice(0, 15));
    streams[0]?.write(die.slice(15));
    await pollUntil(() => seen.length === 1, { timeoutMs: 1000, intervalMs: 5 });
    expect(seen[0]).toMatchObject({ id: 2, status: "exited", detail: "exit code 137 (SIGKILL)" });
    streams[0]?.write(line(2, "die")); // same status again: not news
    streams[0]?.write(line(9, "start").replace('"p"', '"other"')); // another cluster
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(1);
    stop();
  });

  it("reconnects when the stream ends and reports what changed in the gap", async () => {
    let states = [proc(1, "running"), proc(2, "running")];
    const { streams, seen, stop } = setup(() => states);
    await pollUntil(() => streams.length === 1, { timeoutMs: 1000, intervalMs: 5 });
    await new Promise((r) => setTimeout(r, 20));
    states = [proc(1, "running"), proc(2, "paused")];
    streams[0]?.end();
    expect(await pollUntil(() => streams.length === 2, { timeoutMs: 2000, intervalMs: 10 })).toBe(true);
    expect(await pollUntil(() => seen.length === 1, { timeoutMs: 1000, intervalMs: 5 })).toBe(true);
    expect(seen[0]).toMatchObject({ id: 2, status: "paused" });
    stop();
  });
});
