// What the issue 22 benches share about a page of the big file: where it is, when its chart is
// drawn, and the main-thread tasks of 50 ms or more the page records from its first script on.
import type { Page } from "playwright-core";

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
