// The 分析文章 panel's extraction time in headless Chromium: a 10,000-character article (the
// shipped articles of data/raw, joined and cut) pasted into the built dashboard, analysed once
// cold (the worker and extractor load, the gazetteer compiles) and then several times warm. The
// figure is the worker's own time for the extraction (decoding and messaging excluded), as the
// panel reports it; the same article through analyseArticle in Node is printed beside it. Then a
// 2 MB paste, as a user's whole-archive paste: the longest main-thread task while it is analysed,
// drawn, scrolled and a fact opened (a PerformanceObserver on "longtask"; target ≤ 200 ms).
// Nothing is asserted; exits 1 only when a figure could not be measured.
//
//   node --import tsx scripts/bench-article.ts [--runs N=7] [--no-build]
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../tests/e2e/browser.ts";
import { BENCH_DIST } from "./bench-bundle.ts";
import { buildIfStale } from "./build.ts";
import { DATA_DIR } from "./data-files.ts";
import { serveDashboard } from "./serve.ts";
import { analyseArticle } from "../src/article/analyse.ts";
import { parseRegionTable } from "../extract/lib/regionTable.ts";

const CHARS = 10_000;
const TARGET_MS = 100;
const argv = process.argv.slice(2);
const runsAt = argv.indexOf("--runs");
const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 7) : 7;

const raw = join(DATA_DIR, "raw");
const article = readdirSync(raw)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(raw, f), "utf8"))
  .join("\n\n")
  .slice(0, CHARS);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function inBrowser(browser: Browser, url: string): Promise<{ cold: number; warm: number[] }> {
  const page = await browser.newPage();
  await page.goto(`${url}?view=analyse`);
  await page.getByTestId("article-input").waitFor({ timeout: 30_000 });
  await page.getByTestId("article-input").fill(article);
  const times: number[] = [];
  let last = "";
  for (let i = 0; i <= runs; i++) {
    await page.getByTestId("analyse-button").click();
    const done = page.locator(`[data-testid="analysed"]:not([data-source="${last}"])`);
    await done.waitFor({ timeout: 60_000 });
    last = (await done.getAttribute("data-source")) ?? "";
    const ms = await page.getByTestId("facts-found").getAttribute("data-ms");
    if (ms === null) throw new Error("the panel reported no facts, so no time");
    times.push(Number(ms));
  }
  await page.close();
  return { cold: times[0]!, warm: times.slice(1) };
}

const BIG_TARGET_MS = 200;

/** The longest main-thread task while a 2 MB paste is analysed, drawn, scrolled and a fact opened. */
async function bigPaste(
  browser: Browser,
  url: string,
): Promise<{ longest: number; chars: number }> {
  const page = await browser.newPage();
  await page.goto(`${url}?view=analyse`);
  await page.getByTestId("article-input").waitFor({ timeout: 30_000 });
  // The text is made in the page: a 2 MB argument sent from here would itself be a long task.
  const chars = await page.evaluate(async () => {
    const one = await (await fetch("/data/raw/002_29067f03fc52df4d.txt")).text();
    const big = one.repeat(Math.ceil((2 << 20) / one.length));
    const w = window as unknown as { __big: string; __longest: number };
    w.__big = big;
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: "longtask" });
    return big.length;
  });
  await page.getByTestId("article-input").evaluate((box) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", (window as unknown as { __big: string }).__big);
    box.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  });
  await page.getByTestId("facts-found").waitFor({ timeout: 120_000 });
  await page.getByTestId("article-text").evaluate((box) => box.scrollTo(0, box.scrollHeight / 2));
  await page.getByTestId("article-facts").locator("tbody tr").last().getByRole("button").click();
  await page.getByTestId("article-text").locator("mark.sentence").first().waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200))));
  const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  await page.close();
  return { longest, chars };
}

async function main(): Promise<void> {
  const regions = parseRegionTable(readFileSync(join(DATA_DIR, "regions.csv"), "utf8")).regions;
  analyseArticle({ source: "bench", text: article, published: "" }, regions);
  const node: number[] = [];
  let facts = 0;
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    facts = analyseArticle({ source: "bench", text: article, published: "" }, regions).facts.length;
    node.push(performance.now() - began);
  }

  if (!argv.includes("--no-build")) buildIfStale(BENCH_DIST, { minify: true });
  const { server, url } = await serveDashboard({ distDir: BENCH_DIST });
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    const { cold, warm } = await inBrowser(browser, url);
    const m = median(warm);
    console.log(`article: ${article.length.toLocaleString("en")} characters, ${facts} facts`);
    console.log(`worker (Chromium), first run with the extractor loading  ${cold.toFixed(1)} ms`);
    console.log(
      `worker (Chromium), median of ${warm.length} after load            ${m.toFixed(1)} ms` +
        `   target ≤ ${TARGET_MS} ms  ${m <= TARGET_MS ? "ok" : "MISSED"}`,
    );
    console.log(
      `analyseArticle in Node, median of ${runs}                 ${median(node).toFixed(1)} ms`,
    );
    const big = await bigPaste(browser, url);
    console.log(
      `${(big.chars / 2 ** 20).toFixed(1)} MB paste: longest main-thread task ${big.longest.toFixed(0)} ms` +
        `   target ≤ ${BIG_TARGET_MS} ms  ${big.longest <= BIG_TARGET_MS ? "ok" : "MISSED"}`,
    );
  } finally {
    await browser?.close().catch(() => {});
    const closed = new Promise<void>((ok) => server.close(() => ok()));
    server.closeAllConnections();
    await closed;
  }
}

main().catch((error: unknown) => {
  console.error(`bench-article: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
