// The dashboard on a phone held upright (390 × 844), on the shipped data: the chart in the first
// screen, the filters folded into a panel, the tabs one row, the map as wide as the screen with
// its legend below, tables scrolling inside their frame, and no label wrapped a character a line.
import { describe, expect, inject, test } from "vitest";
import type { Page } from "playwright-core";
import { chartReady, tableReady, useWatchedPage, type WatchedPage } from "./helpers.ts";

const WIDTH = 390;
const HEIGHT = 844;
const baseUrl = inject("baseUrl");
let watched: WatchedPage;
let page: Page;
useWatchedPage(
  (w) => {
    watched = w;
    page = w.page;
  },
  { width: WIDTH, height: HEIGHT },
);

/**
 * Visible texts of tabs, headers, labels, buttons and legends laid out one character a line: the
 * text's line boxes (from its Range) are as many as its characters, with two or more of each.
 */
const wrappedPerCharacter = () =>
  page.evaluate(() => {
    const out: string[] = [];
    const selector = '[role="tab"], th, label, button, legend, h2, h3, .panel-title';
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (!element.offsetParent) continue;
      const text = (element.textContent ?? "").replace(/\s+/g, "");
      if (text.length < 2) continue;
      const range = document.createRange();
      range.selectNodeContents(element);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (tops.size >= 2 && tops.size >= text.length) out.push(text);
    }
    return out;
  });

/** The page itself never scrolls sideways: what is wide scrolls in its own frame. */
const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

describe("a 390 × 844 screen", () => {
  test("chart: in the first screen, filters folded behind one button that opens them", async () => {
    await page.goto(baseUrl);
    await chartReady(page);
    const chart = (await page.getByTestId("chart").boundingBox())!;
    expect(chart.y).toBeGreaterThan(0);
    expect(chart.y + chart.height).toBeLessThanOrEqual(HEIGHT);
    expect(chart.width).toBeGreaterThan(WIDTH * 0.8);
    const filter = page.getByTestId("region-filter");
    expect(await filter.isVisible()).toBe(false);
    const toggle = page.getByTestId("filters-toggle");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.click();
    expect(await filter.isVisible()).toBe(true);
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await wrappedPerCharacter()).toEqual([]);
    await toggle.click();
    expect(await filter.isVisible()).toBe(false);
    expect(await pageWidth()).toBeLessThanOrEqual(WIDTH);
  });

  test("tabs: one row, every tab reachable, none wrapped", async () => {
    const tabs = page.getByRole("tab");
    const boxes = await tabs.evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { top: Math.round(r.top), height: r.height };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
    const lineHeight = await tabs
      .first()
      .evaluate((e) => parseFloat(getComputedStyle(e).lineHeight) || 24);
    for (const b of boxes) expect(b.height).toBeLessThan(lineHeight * 2);
  });

  test("compare: drawn in the first screen", async () => {
    await page.getByRole("tab", { name: "地区对比" }).click();
    await chartReady(page);
    const chart = (await page.getByTestId("chart").boundingBox())!;
    expect(chart.y).toBeLessThan(HEIGHT / 2);
    expect(await wrappedPerCharacter()).toEqual([]);
  });

  test("map: as wide as the screen, its legend below the districts", async () => {
    await page.getByRole("tab", { name: "地图" }).click();
    await chartReady(page);
    const drawn = await page.getByTestId("chart").evaluate((element) => {
      type Text = {
        type: string;
        style: { text?: string };
        transform?: number[] | null;
        getBoundingRect: () => { y: number };
      };
      const chart = (
        element as unknown as {
          chart: {
            convertToPixel: (finder: object, value: number[]) => number[];
            getZr: () => { storage: { getDisplayList: (update: boolean) => Text[] } };
          };
        }
      ).chart;
      // The boundary file's extremes: west of 恩平, east of 新会, south of 台山's islands.
      const west = chart.convertToPixel({ seriesIndex: 0 }, [112.0037, 22.2])!;
      const east = chart.convertToPixel({ seriesIndex: 0 }, [113.2626, 22.2])!;
      const south = chart.convertToPixel({ seriesIndex: 0 }, [112.8, 21.5641])!;
      const unit = chart
        .getZr()
        .storage.getDisplayList(true)
        .find((el) => el.style?.text === "亿元");
      return {
        width: east[0]! - west[0]!,
        south: south[1]!,
        legendTop: unit ? (unit.transform?.[5] ?? 0) + unit.getBoundingRect().y : null,
        canvas: element.clientWidth,
      };
    });
    expect(drawn.canvas).toBeGreaterThan(WIDTH * 0.8);
    expect(drawn.width).toBeGreaterThan(WIDTH * 0.6);
    expect(drawn.legendTop).not.toBeNull();
    expect(drawn.legendTop!).toBeGreaterThan(drawn.south);
    // The list of districts comes under the map, not beside it.
    const map = (await page.getByTestId("chart").boundingBox())!;
    const list = (await page.getByTestId("map-districts").boundingBox())!;
    expect(list.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    expect(await wrappedPerCharacter()).toEqual([]);
    expect(await pageWidth()).toBeLessThanOrEqual(WIDTH);
  });

  test("table: scrolls sideways inside its frame, headers and filter label on one line", async () => {
    await page.getByRole("tab", { name: "数据表" }).click();
    await tableReady(page);
    const frame = await page
      .locator(".table-scroll", { has: page.getByTestId("table") })
      .evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
    expect(frame.scroll).toBeGreaterThan(frame.client);
    expect(await pageWidth()).toBeLessThanOrEqual(WIDTH);
    const headers = await page
      .getByTestId("table")
      .locator("th")
      .evaluateAll((ths) =>
        ths
          .filter((th) => (th.textContent ?? "").trim())
          .map((th) => {
            const range = document.createRange();
            range.selectNodeContents(th);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
          }),
      );
    expect(headers.length).toBeGreaterThan(3);
    expect(Math.max(...headers)).toBe(1);
    expect(await wrappedPerCharacter()).toEqual([]);
  });

  test("analyse and a district page: nothing wrapped a character a line, no sideways page", async () => {
    await page.getByRole("tab", { name: "分析文章" }).click();
    await page.getByRole("tabpanel").waitFor();
    expect(await wrappedPerCharacter()).toEqual([]);
    expect(await pageWidth()).toBeLessThanOrEqual(WIDTH);
    await page.goto(`${baseUrl}?view=district&district=taishan`);
    await page.getByTestId("district-page").waitFor();
    expect(await wrappedPerCharacter()).toEqual([]);
    expect(await pageWidth()).toBeLessThanOrEqual(WIDTH);
  });

  test("no page errors and no CSP violations", () => {
    expect(watched.pageErrors).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
  });
});
