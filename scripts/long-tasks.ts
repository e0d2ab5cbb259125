// What the issue 22 benches share: the builds they serve side by side, the load they print, and
// about a page of the big file, where it is, when its chart is drawn, and the main-thread tasks
// of 50 ms or more the page records from its first script on.
import { loadavg } from "node:os";
import { relative } from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "./data-files.ts";
import { serveDashboard } from "./serve.ts";

/** The big file (`npm run gen:big`), as the dashboard is asked to load it (?csv=). */
export const BIG_URL = "/data/big/indicators.csv";
/** The chart once drawn. */
export const CHART_READY = '[data-testid="chart"][data-ready="true"]';

/** Makes the page record its long tasks in `window.__tasks` from before its first script runs. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __tasks: { start: number; duration: number }[] };
    w.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.__tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
}

/** Each build of `dists` served on an address of its own, named by its folder under the repository. */
export function serveBuilds(dists: readonly string[]) {
  return Promise.all(
    dists.map(async (d) => ({
      ...(await serveDashboard({ distDir: d })),
      name: relative(ROOT, d),
    })),
  );
}

/** The load averages (1 / 5 / 15 min), printed beside every figure: other work inflates times. */
export const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
