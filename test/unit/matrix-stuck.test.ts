import { describe, expect, it } from "vitest";
import type { Sample } from "../matrix/sampler";
import { kafkaStuck } from "../matrix/stuck";

const IDS = [1, 2, 3];
const up = { 1: "running", 2: "running", 3: "running" } as const;
const answering = { 1: true, 2: true, 3: true };

/** One sample a second; every 4th carries the test's own metadata and writes (as the sampler does). */
function samples(n: number, opts: { writes?: Record<number, boolean>; leaders?: Record<number, number>; registered?: number[]; procs?: Sample["procs"]; start?: number } = {}): Sample[] {
  return Array.from({ length: n }, (_, i) => {
    const base: Sample = { at: (opts.start ?? 0) + i * 1000, snapshot: null, apiMs: 5, apiStatus: 200, procs: opts.procs ?? { ...up }, answers: { ...answering } };
    if (i % 4 !== 0) return base;
    return { ...base, metadata: { registered: opts.registered ?? IDS, leaders: opts.leaders ?? { 0: 1, 1: 2, 2: 3 } }, writes: opts.writes ?? { 0: false, 1: true, 2: true } };
  });
}

describe("kafkaStuck: a partition refusing writes at its leader while every node runs and is registered", () => {
  it("is found once it has held for the whole window, naming the partition and the leader metadata gives", () => {
    expect(kafkaStuck(samples(62), IDS, 60_000)).toEqual({ partitions: [0], leaders: [1], since: 0 });
  });

  it("is not found before the window has passed", () => {
    expect(kafkaStuck(samples(40), IDS, 60_000)).toBeNull();
  });

  it("starts again after a sample that breaks it (a node not running), and after one where all writes succeed", () => {
    const broken = [...samples(30, { procs: { ...up, 2: "exited" } }), ...samples(40, { start: 30_000 })];
    expect(kafkaStuck(broken, IDS, 60_000)).toBeNull();
    const healedOnce = [...samples(30), ...samples(1, { start: 30_000, writes: { 0: true, 1: true, 2: true } }), ...samples(61, { start: 31_000 })];
    expect(kafkaStuck(healedOnce, IDS, 60_000)?.since).toBe(31_000);
  });

  it("is not Kafka stuck while a broker is missing from the metadata or a leader is none (still recovering)", () => {
    expect(kafkaStuck(samples(62, { registered: [1, 2] }), IDS, 60_000)).toBeNull();
    expect(kafkaStuck(samples(62, { leaders: { 0: -1, 1: 2, 2: 3 } }), IDS, 60_000)).toBeNull();
  });

  it("is not stuck when every write succeeds", () => {
    expect(kafkaStuck(samples(62, { writes: { 0: true, 1: true, 2: true } }), IDS, 60_000)).toBeNull();
  });
});
