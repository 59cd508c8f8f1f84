// The failover story against the local cluster (the story itself: e2e/stories/failover.ts).
import { test } from "./fixtures";
import { failoverStory } from "./stories/failover";

test("kill the broker leading the most partitions, then restart it and watch recovery", async ({ page }, testInfo) => {
  await failoverStory(page, testInfo);
});
