// How we launch Chromium, for the Playwright configs and the benches alike:
// Playwright cannot download its browser here, so Debian's chromium is what we
// drive (its bundled one where Debian's is missing), without background traffic.
import fs from "node:fs";
import type { LaunchOptions } from "@playwright/test";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export const chromiumLaunchOptions: LaunchOptions = fs.existsSync(DEBIAN_CHROMIUM)
  ? {
      executablePath: DEBIAN_CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    }
  : {};
