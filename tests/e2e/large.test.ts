// An indicator with more points than the page makes in one task (src/views/indicatorPoints.ts):
// its first visit makes them slice by slice and then draws every one of them. The file is the
// benchmark's generator's, cut to 150,000 rows: its project investment has some 15,000 monthly
// figures about single projects, which the chart draws as batched markers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { beforeAll, expect, inject, test } from "vitest";
import type { Page } from "playwright-core";
import { ROOT } from "../../scripts/data-files.ts";
import { writeBigCsv } from "../../scripts/gen-big.ts";
import { frequencyOf, parsePeriod } from "../../src/model/period.ts";
import { POINTS_PER_TASK } from "../../src/views/indicatorPoints.ts";
import { chartReady, fixtureUrl, redraw, useWatchedPage, type WatchedPage } from "./helpers.ts";

const baseUrl = inject("baseUrl");
const FILE = "large-indicator.csv";
let watched: WatchedPage;
let page: Page;
useWatchedPage((w) => {
  watched = w;
  page = w.page;
});

/** The monthly project investment points of the file: one per region, period, kind and subject. */
let monthly = 0;
beforeAll(() => {
  const out = join(ROOT, "test-output/dist/fixtures", FILE);
  writeBigCsv({ rows: 150_000, out });
  const rows = Papa.parse<Record<string, string>>(readFileSync(out, "utf8"), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const points = new Set<string>();
  for (const r of rows) {
    if (r.indicator !== "project_investment") continue;
    const range = parsePeriod(r.period!);
    if (!range || frequencyOf(r.period!, range) !== "month") continue;
    points.add(`${r.region}\u0000${r.period}\u0000${r.kind}\u0000${r.subject}`);
  }
  monthly = points.size;
}, 60_000);

/** The point ids of every marker of the subject series, read from the ECharts instance. */
const drawnMarkers = () =>
  page.evaluate(() => {
    type Series = { type?: string; name?: string; data?: unknown; dimensions?: unknown[] };
    const element = document.querySelector('[data-testid="chart"]') as HTMLElement & {
      chart: { getOption: () => { series: Series[] } };
    };
    const ids: number[] = [];
    for (const s of element.chart.getOption().series) {
      if (s.type !== "scatter" || !s.name?.endsWith("分项")) continue;
      const data = s.data;
      if (ArrayBuffer.isView(data)) {
        const flat = data as unknown as ArrayLike<number>;
        const stride = s.dimensions?.length ?? 1;
        for (let i = 2; i < flat.length; i += stride) ids.push(flat[i]!);
      } else {
        for (const d of (data as unknown[]) ?? [])
          ids.push((Array.isArray(d) ? d : (d as { value: number[] }).value)[2]!);
      }
    }
    return ids;
  });

test("a large indicator's first visit, made a slice a task, draws every one of its figures", async () => {
  expect(monthly).toBeGreaterThan(POINTS_PER_TASK);
  await page.goto(fixtureUrl(baseUrl, FILE, "indicator=gdp&freq=month"), { timeout: 60_000 });
  await chartReady(page);
  await redraw(page, () => page.getByTestId("indicator-picker").selectOption("project_investment"));
  const ids = await drawnMarkers();
  expect(ids.length).toBe(monthly);
  expect(new Set(ids).size).toBe(ids.length);
  // Back and forth: the points made are kept, and drawn again at once.
  await redraw(page, () => page.getByTestId("indicator-picker").selectOption("gdp"));
  await redraw(page, () => page.getByTestId("indicator-picker").selectOption("project_investment"));
  expect((await drawnMarkers()).length).toBe(monthly);
  expect(watched.pageErrors).toEqual([]);
}, 120_000);
