// The local cluster's shape: asked for by the configuration (LOCAL_BROKERS,
// LOCAL_CONTROLLERS, or `cluster up --brokers N --controllers combined|3`) when
// it is first formatted, recorded in its data dir then, and read back from there
// ever after. A formatted KRaft cluster's voters cannot change by configuration,
// so once recorded the shape is a fact of the data, not a setting: every reader
// (CLI, dashboard, tests) of that data dir sees the same nodes.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Config } from "@/lib/config";
import { writeFileAtomic } from "@/lib/util/atomic-file";
import { DEFAULT_SHAPE, MAX_BROKERS, type ClusterShape } from "./local-layout";
import { RuntimeInputError } from "./types";

const SHAPE_FILE = "shape.json";
const shapeSchema = z.object({ brokers: z.number().int().min(1).max(MAX_BROKERS), controllers: z.enum(["combined", "dedicated"]) });

const localRoot = (dataDir: string) => path.join(dataDir, "local");

/** "3 brokers with combined controllers", "5 brokers + 3 dedicated controllers". */
export function describeShape(s: ClusterShape): string {
  const brokers = `${s.brokers} broker${s.brokers === 1 ? "" : "s"}`;
  return s.controllers === "combined" ? `${brokers} with combined controllers` : `${brokers} + 3 dedicated controllers`;
}

/** The shape recorded in the data dir; a cluster formatted before shapes existed is the default one; null: never formatted. */
export function recordedShape(dataDir: string): ClusterShape | null {
  const root = localRoot(dataDir);
  try {
    return shapeSchema.parse(JSON.parse(fs.readFileSync(path.join(root, SHAPE_FILE), "utf8")));
  } catch {
    const formatted = fs.existsSync(root) && fs.readdirSync(root).some((d) => fs.existsSync(path.join(root, d, "data", "meta.properties")));
    return formatted ? DEFAULT_SHAPE : null;
  }
}

/** The shape the configuration asks for; unset fields are not asked. */
export function requestedShape(cfg: Pick<Config, "LOCAL_BROKERS" | "LOCAL_CONTROLLERS">): Partial<ClusterShape> {
  return {
    ...(cfg.LOCAL_BROKERS === undefined ? {} : { brokers: cfg.LOCAL_BROKERS }),
    ...(cfg.LOCAL_CONTROLLERS === undefined ? {} : { controllers: cfg.LOCAL_CONTROLLERS === "3" ? "dedicated" : "combined" }),
  };
}

/** The recorded shape, else the requested one with defaults; an explicit request the recorded shape contradicts is refused. */
export function localShape(cfg: Pick<Config, "dataDir" | "LOCAL_BROKERS" | "LOCAL_CONTROLLERS">): ClusterShape {
  const asked = requestedShape(cfg);
  const recorded = recordedShape(cfg.dataDir);
  if (!recorded) return { ...DEFAULT_SHAPE, ...asked };
  const wanted = { ...recorded, ...asked };
  if (wanted.brokers !== recorded.brokers || wanted.controllers !== recorded.controllers) {
    throw new RuntimeInputError(
      "shape_mismatch",
      `the local cluster in ${localRoot(cfg.dataDir)} was formatted as ${describeShape(recorded)}, not ${describeShape(wanted)}: ` +
        "wipe it first (npm run cluster -- down --wipe) or give it another DATA_DIR",
    );
  }
  return recorded;
}

export function recordShape(dataDir: string, shape: ClusterShape): void {
  writeFileAtomic(path.join(localRoot(dataDir), SHAPE_FILE), `${JSON.stringify(shape)}\n`);
}
