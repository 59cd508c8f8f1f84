import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { localShape, recordedShape, recordShape } from "./local-shape";

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "shape-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("the local cluster's shape", () => {
  it("is what the configuration asks until the cluster is formatted, then what was recorded", () => {
    const dataDir = tmp();
    expect(recordedShape(dataDir)).toBeNull();
    expect(localShape({ dataDir })).toEqual({ brokers: 3, controllers: "combined" });
    expect(localShape({ dataDir, LOCAL_BROKERS: 5, LOCAL_CONTROLLERS: "3" })).toEqual({ brokers: 5, controllers: "dedicated" });
    recordShape(dataDir, { brokers: 5, controllers: "dedicated" });
    // A reader that asks nothing (the dashboard started without flags) gets the recorded shape.
    expect(localShape({ dataDir })).toEqual({ brokers: 5, controllers: "dedicated" });
    expect(localShape({ dataDir, LOCAL_BROKERS: 5 })).toEqual({ brokers: 5, controllers: "dedicated" });
  });

  it("refuses an explicit shape the recorded one contradicts, saying how to change it", () => {
    const dataDir = tmp();
    recordShape(dataDir, { brokers: 3, controllers: "combined" });
    expect(() => localShape({ dataDir, LOCAL_BROKERS: 5 })).toThrow(/formatted as 3 brokers with combined controllers, not 5 brokers with combined controllers.*--wipe/);
    expect(() => localShape({ dataDir, LOCAL_CONTROLLERS: "3" })).toThrow(/not 3 brokers \+ 3 dedicated controllers/);
  });

  it("takes a cluster formatted before shapes were recorded for the lesson's 3 combined nodes", () => {
    const dataDir = tmp();
    fs.mkdirSync(path.join(dataDir, "local", "node-1", "data"), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "local", "node-1", "data", "meta.properties"), "node.id=1\n");
    expect(recordedShape(dataDir)).toEqual({ brokers: 3, controllers: "combined" });
  });
});
