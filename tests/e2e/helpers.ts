// Shared pieces of the browser tests: fixtures served beside the built app, a page that records
// CSP violations and page errors, and waits on the app's own readiness signals (never sleeps).
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { ROOT } from "../../scripts/data-files.ts";
import { launchBrowser } from "./browser.ts";

export const FIXTURES = join(ROOT, "tests/fixtures/dashboard");
export const SCREENSHOTS = join(ROOT, "test-output/screenshots");

/** Serves the fixtures at /fixtures/* of the test build (same origin, as ?csv= requires). */
export function publishFixtures(): void {
  const target = join(ROOT, "test-output/dist/fixtures");
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(FIXTURES)) {
    if (name.endsWith(".csv")) copyFileSync(join(FIXTURES, name), join(target, name));
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
}

export interface WatchedPage {
  page: Page;
  /** CSP violations seen by the page, and console messages that report one. */
  cspViolations: string[];
  pageErrors: string[];
}

export async function openPage(
  browser: Browser,
  viewport = { width: 1280, height: 800 },
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const watched: WatchedPage = { page, cspViolations: [], pageErrors: [] };
  await page.exposeFunction("__reportCsp", (text: string) => watched.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (s: string) => void }).__reportCsp(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) watched.cspViolations.push(message.text());
  });
  page.on("pageerror", (error) => watched.pageErrors.push(String(error)));
  return watched;
}

/** Waits until the chart has drawn its current option. */
export async function chartReady(page: Page): Promise<void> {
  await page.locator('[data-testid="chart"][data-ready="true"]').waitFor({ timeout: 20_000 });
}

export async function tableReady(page: Page): Promise<void> {
  await page.locator('[data-testid="table"][data-ready="true"]').waitFor({ timeout: 20_000 });
}

export const fixtureUrl = (baseUrl: string, file: string, query = "") =>
  `${baseUrl}?csv=/fixtures/${file}${query ? `&${query}` : ""}`;

/** Runs an action and waits until the chart has drawn again because of it. */
export async function redraw(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await page.evaluate(
    () => performance.getEntriesByName("jm:chart-finished").length,
  );
  await action();
  await page.waitForFunction(
    (count) => performance.getEntriesByName("jm:chart-finished").length > count,
    before,
    { timeout: 20_000 },
  );
  await chartReady(page);
}

/** What ECharts' aria module says the chart shows: series names and values. */
export const chartDescription = (page: Page) =>
  page
    .locator('[data-testid="chart"]')
    .getAttribute("aria-label")
    .then((s) => s ?? "");

export const search = (url: string) => new URL(url).searchParams;

/** One browser and one watched page for a test file: fixtures published, closed at the end. */
export function useWatchedPage(
  receive: (watched: WatchedPage) => void,
  viewport?: { width: number; height: number },
): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    publishFixtures();
    browser = await launchBrowser();
    receive(await openPage(browser, viewport));
  });
  afterAll(async () => browser?.close());
}

/**
 * The labels the time chart draws under its plot, left to right, read from ECharts' own display
 * list (what is on the canvas), with their x position in CSS pixels and the plot's left and right.
 */
export const xAxisLabels = (page: Page) =>
  page.locator('[data-testid="chart"]').evaluate((element) => {
    type Text = {
      type: string;
      ignore?: boolean;
      invisible?: boolean;
      style: { text?: string };
      getBoundingRect: () => { x: number; y: number; width: number; height: number };
      transform?: number[] | null;
    };
    const chart = (
      element as unknown as {
        chart: {
          getZr: () => { storage: { getDisplayList: (update: boolean) => Text[] } };
          getModel: () => {
            getComponent: (
              type: string,
              index: number,
            ) => {
              coordinateSystem: {
                getRect: () => { x: number; y: number; width: number; height: number };
              };
            };
          };
        };
      }
    ).chart;
    const grid = chart.getModel().getComponent("grid", 0).coordinateSystem.getRect();
    const labels = chart
      .getZr()
      .storage.getDisplayList(true)
      .filter(
        (el) =>
          (el.type === "text" || el.type === "tspan") &&
          !el.ignore &&
          !el.invisible &&
          el.style.text,
      )
      .map((el) => {
        const r = el.getBoundingRect();
        const m = el.transform ?? [1, 0, 0, 1, 0, 0];
        return { text: el.style.text!, x: m[4]! + r.x + r.width / 2, y: m[5]! + r.y };
      })
      .filter((l) => l.y > grid.y + grid.height && l.y < grid.y + grid.height + 30)
      .sort((a, b) => a.x - b.x);
    return { labels, left: grid.x, right: grid.x + grid.width };
  });

/** Selects `text` in an article's drawn text, as a person does with the mouse, and lets the page
 * see the mouseup that ends a selection. */
export async function selectInArticle(article: Locator, text: string): Promise<void> {
  await article.locator(".article-text").evaluate((element, missed) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(missed);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + missed.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      element.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      return;
    }
    throw new Error(`${missed} is not in the article`);
  }, text);
}

/** The values the time chart draws (every series' items), read from the ECharts instance: items
 * as arrays or `{ value }`, and batched markers as one flat typed array of `dimensions` numbers an
 * item, the value where the series' `encode.y` says. */
export function drawnValues(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    type Series = { data?: unknown; dimensions?: unknown[]; encode?: { y?: number | number[] } };
    const element = document.querySelector('[data-testid="chart"]') as HTMLElement & {
      chart: { getOption: () => { series: Series[] } };
    };
    return element.chart.getOption().series.flatMap((s): number[] => {
      const data = s.data;
      if (ArrayBuffer.isView(data)) {
        const flat = data as unknown as ArrayLike<number>;
        const stride = s.dimensions?.length ?? 1;
        const y = s.encode?.y;
        const at = (Array.isArray(y) ? y[0] : y) ?? 1;
        const values: number[] = [];
        for (let i = at; i < flat.length; i += stride) values.push(flat[i]!);
        return values.filter((v) => Number.isFinite(v));
      }
      return ((data as unknown[] | undefined) ?? [])
        .map((d) => (Array.isArray(d) ? d : (d as { value: unknown[] }).value))
        .map((tuple) => tuple[1] as number)
        .filter((v) => Number.isFinite(v));
    });
  });
}
