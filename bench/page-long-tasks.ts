// Long tasks (> 50 ms, the browser's own PerformanceObserver) on the dashboard's
// pages, each view watched for a while, with two ways to tell our work from the
// machine's: a same-run reference (a blank page in the same browser that only
// asks for animation frames), and the page's own CPU profile, sampled every
// millisecond, which says how much of each long task the main thread actually
// ran. On 2 cores shared with nine JVMs a task can be long because the renderer
// was not scheduled: 94 ms with 3 ms of samples is waiting, not our code.
import os from "node:os";
import { chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "@/e2e/chromium";

export interface LongTask {
  /** performance.now() of the page, ms. */
  start: number;
  duration: number;
  /** Main-thread samples (1 ms apart) inside the task that were not idle: the part that ran. */
  ranMs: number;
}

export interface ViewLongTasks {
  view: string;
  page: LongTask[];
  reference: number[];
  /** The 1-minute load average as the window opened and closed. */
  load: [number, number];
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const SAMPLE_US = 1000;
const OBSERVE = `window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: "longtask", buffered: true });`;
const BLANK = `data:text/html,<!doctype html><title>reference</title><script>${OBSERVE} (function f(){ requestAnimationFrame(f); })();</script>`;

const taken = (p: Page) => p.evaluate<[number, number][]>("window.__long");
const reset = (p: Page) => p.evaluate("window.__long.length = 0");

/** How many ms of [start, start + duration] the profile saw the main thread busy (page clock; `t0` = page time at profile start). */
export function ranInside(profile: CpuProfile, t0: number, start: number, duration: number): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
  let t = profile.startTime;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const at = t0 + (t - profile.startTime) / 1000;
    if (at >= start && at <= start + duration && !idle.has(id)) busy++;
  });
  return (busy * SAMPLE_US) / 1000;
}

/** `views` are routes, "#testid" scrolls to that element first ("/#charts"). */
export async function pageLongTasks(baseUrl: string, views: readonly string[], seconds: number): Promise<ViewLongTasks[]> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const out: ViewLongTasks[] = [];
  try {
    // Its own context: a separate renderer from the dashboard's pages.
    const reference = await (await browser.newContext()).newPage();
    await reference.goto(BLANK);
    for (const view of views) {
      const [route, anchor] = view.split("#") as [string, string | undefined];
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.addInitScript(OBSERVE);
      await page.goto(`${baseUrl}${route}`);
      await page.waitForTimeout(5000); // first load and the first snapshots
      if (anchor) await page.getByTestId(anchor).scrollIntoViewIfNeeded();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: SAMPLE_US });
      const before = os.loadavg()[0] ?? 0;
      await Promise.all([reset(page), reset(reference)]);
      const t0 = await page.evaluate<number>("performance.now()");
      await cdp.send("Profiler.start");
      await page.waitForTimeout(seconds * 1000);
      const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
      const [mine, ref] = await Promise.all([taken(page), taken(reference)]);
      out.push({
        view,
        page: mine.map(([start, duration]) => ({ start, duration, ranMs: ranInside(profile, t0, start, duration) })),
        reference: ref.map(([, d]) => d),
        load: [before, os.loadavg()[0] ?? 0],
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

export function longTaskLine(r: ViewLongTasks, seconds: number): string {
  const tasks = r.page.length === 0 ? "0 long tasks" : `${r.page.length} long task${r.page.length === 1 ? "" : "s"} (${r.page.map((t) => `${t.duration.toFixed(0)} ms, ${t.ranMs.toFixed(0)} ms of it running`).join("; ")})`;
  const ran50 = r.page.filter((t) => t.ranMs >= 50).length;
  const ref = r.reference.length === 0 ? "0" : `${r.reference.length} (longest ${Math.max(...r.reference).toFixed(0)} ms)`;
  return `page ${r.view} over ${seconds} s: ${tasks}; ${ran50} with ≥ 50 ms of work; reference blank page meanwhile: ${ref}; load average ${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)}`;
}
