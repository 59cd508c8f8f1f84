// The e2e cluster's brokers are detached JVMs: stop them once the suite is done
// (pass or fail), so nothing of this suite outlives it.
import { killAll } from "./cluster";

export default async function globalTeardown(): Promise<void> {
  const killed = await killAll();
  if (killed.length > 0) console.log(`[e2e-cluster] killed broker${killed.length > 1 ? "s" : ""} ${killed.join(", ")}`);
}
