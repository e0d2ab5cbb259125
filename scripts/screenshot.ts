// `npm run screenshot`: the README's picture of the dashboard (chart view, Chinese, 1280×800) on
// data/demo/indicators.csv, a synthetic file with a time series, a gap and two reports that
// disagree (the shipped data has none of these to show), taken with the project's own browser tooling and written to
// tests/e2e/__screenshots__/dashboard.png; then the 分析文章 panel on a shipped article, its
// second fact picked, written to tests/e2e/__screenshots__/analyse.png; then the 地图 view of GDP
// by district, written to tests/e2e/__screenshots__/map.png; then 台山市's district page, written to
// tests/e2e/__screenshots__/district.png.
//
//   node --import tsx scripts/screenshot.ts [--query "indicator=gdp"] [--out FILE] [--no-build]
//                                           [--article FILE] [--article-out FILE]
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { launchBrowser } from "../tests/e2e/browser.ts";
import { ROOT } from "./data-files.ts";
import { buildDashboard } from "./build.ts";
import { serveDashboard } from "./serve.ts";

const { values } = parseArgs({
  options: {
    query: { type: "string", default: "csv=/data/demo/indicators.csv&indicator=gdp" },
    out: { type: "string", default: join(ROOT, "tests/e2e/__screenshots__/dashboard.png") },
    "no-build": { type: "boolean", default: false },
    article: { type: "string", default: join(ROOT, "data/raw/002_29067f03fc52df4d.txt") },
    "article-out": {
      type: "string",
      default: join(ROOT, "tests/e2e/__screenshots__/analyse.png"),
    },
    "map-out": { type: "string", default: join(ROOT, "tests/e2e/__screenshots__/map.png") },
    "district-out": {
      type: "string",
      default: join(ROOT, "tests/e2e/__screenshots__/district.png"),
    },
  },
});

const distDir = join(ROOT, "test-output", "screenshot-dist");
if (!values["no-build"]) buildDashboard(distDir);

const { server, url } = await serveDashboard({ distDir });
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${url}${values.query ? `?${values.query}` : ""}`);
  await page.locator('[data-testid="chart"][data-ready="true"]').waitFor({ timeout: 30_000 });
  // Fonts: the chart waited for its own text; the page's text must be in too.
  await page.evaluate(() => document.fonts.ready);
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out}`);

  await page.goto(`${url}?view=analyse`);
  await page.getByTestId("article-input").fill(readFileSync(values.article, "utf8"));
  await page.getByTestId("article-title").fill("江门新会 一季度“开门稳”");
  await page.getByTestId("analyse-button").click();
  await page.getByTestId("facts-found").waitFor({ timeout: 30_000 });
  await page.getByTestId("article-facts").locator("tbody tr").nth(1).getByRole("button").click();
  await page.locator("mark.sentence").first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  const articleOut = resolve(values["article-out"]);
  await page.screenshot({ path: articleOut, fullPage: true });
  console.log(`screenshot: ${articleOut}`);

  await page.goto(`${url}?view=map&indicator=gdp`);
  await page.locator('[data-testid="chart"][data-ready="true"]').waitFor({ timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
  const mapOut = resolve(values["map-out"]);
  await page.screenshot({ path: mapOut });
  console.log(`screenshot: ${mapOut}`);

  await page.goto(`${url}?view=district&district=taishan`);
  await page.getByTestId("district-page").waitFor({ timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
  const districtOut = resolve(values["district-out"]);
  await page.screenshot({ path: districtOut, fullPage: true });
  console.log(`screenshot: ${districtOut}`);
  if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
} finally {
  await browser.close();
  server.close();
}
