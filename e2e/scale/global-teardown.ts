// Nothing of the scale suite outlives it: its nodes are stopped and its data deleted.
import { scaleClusterDown } from "./cluster";

export default async function globalTeardown(): Promise<void> {
  await scaleClusterDown();
}
