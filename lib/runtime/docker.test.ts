// The Docker runtime when there is no usable engine: it must answer, not crash
// or hang. (Its behaviour against a real engine is in test/docker/.)
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DockerRuntime } from "./docker";
import { RuntimeFailure, RuntimeInputError } from "./types";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "docker-rt-"));
const hungSocket = path.join(dir, "hung.sock");
let hung: net.Server;
const held: net.Socket[] = [];

beforeAll(async () => {
  // Accepts connections and never answers: a wedged engine.
  hung = net.createServer((s) => held.push(s));
  await new Promise<void>((r) => hung.listen(hungSocket, r));
});

afterAll(async () => {
  for (const s of held) s.destroy();
  await new Promise<void>((r) => hung.close(() => r()));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("DockerRuntime without an engine", () => {
  const absent = new DockerRuntime({ socketPath: path.join(dir, "absent.sock"), project: "streamsocial" });

  it("available() says why", async () => {
    const a = await absent.available();
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.reason).toMatch(/^Docker unavailable: .*ENOENT/);
  });

  it("every call fails with RuntimeFailure", async () => {
    await expect(absent.list()).rejects.toBeInstanceOf(RuntimeFailure);
    await expect(absent.kill(2)).rejects.toBeInstanceOf(RuntimeFailure);
    await expect(absent.resolve("streamsocial_kafka-2_1")).rejects.toBeInstanceOf(RuntimeFailure);
  });

  it("checks the id before it asks Docker anything", async () => {
    await expect(absent.kill(1.5)).rejects.toBeInstanceOf(RuntimeInputError);
    await expect(absent.kill(-1)).rejects.toBeInstanceOf(RuntimeInputError);
  });

  it("watch() keeps retrying quietly and closes cleanly", async () => {
    const seen: unknown[] = [];
    const stop = absent.watch((p) => seen.push(p));
    await new Promise((r) => setTimeout(r, 600));
    stop();
    expect(seen).toEqual([]);
  });

  it("a wedged engine costs a timeout, not a hang", async () => {
    const rt = new DockerRuntime({ socketPath: hungSocket, project: "streamsocial", callTimeoutMs: 300 });
    const t0 = Date.now();
    const a = await rt.available();
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.reason).toMatch(/^Docker unavailable: ping: timed out after 300 ms/);
    await expect(rt.list()).rejects.toThrow(/Docker unavailable: list containers: timed out/);
    const stop = rt.watch(() => {});
    await new Promise((r) => setTimeout(r, 500));
    stop();
  });
});
