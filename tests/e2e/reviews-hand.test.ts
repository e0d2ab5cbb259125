// A reviews.csv edited by hand, in Chromium against `npm start`'s server with writes on, over a
// copy of data/: a decision whose note is markup, then a row whose closing quote was lost. The
// page names the broken row by file and line, applies the decision before it as text, and a
// decision made after it in the page is appended and applied too; the broken row stays in the
// file as it was. Then an article saved with markup for its title and publisher (and a
// javascript: URL, refused): the table, the sources dialog and the chart's tooltip show it as text.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  decisionAbout,
  reviewsHeader,
  reviewToCsvLine,
  type Fact,
} from "../../extract/lib/index.ts";
import { ROOT } from "../../scripts/data-files.ts";
import { serveDashboard } from "../../scripts/serve.ts";
import { writeRoutes } from "../../scripts/write/routes.ts";
import { encodeGbk } from "../gbk.ts";
import { launchBrowser } from "./browser.ts";
import { chartReady, openPage, tableReady, type WatchedPage } from "./helpers.ts";

const CORRECTED = "002_29067f03fc52df4d-4869-gdp"; // 台山 2021 GDP 503.23亿元
const CONFIRMED = "000_6f389480a371ebba-310-gdp"; // 东部 2021 GDP 约2300亿元
const REJECTED = "000_6f389480a371ebba-328-gdp"; // 西部 2021 GDP 约1000亿元
const MARKUP = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

let browser: Browser;
let watched: WatchedPage;
let page: Page;
let dataDir: string;
let root: string;
let url = "";
let close = () => undefined as void;
let handText = "";

/** The extracted fact of `id`, as the run wrote it. */
function factOf(id: string): Fact {
  const parsed = Papa.parse<Record<string, string>>(
    readFileSync(join(dataDir, "indicators.csv"), "utf8"),
    { header: true, skipEmptyLines: true },
  );
  const row = parsed.data.find((r) => r.id === id)!;
  return {
    ...(row as unknown as Fact),
    value: Number(row.value),
    start: Number(row.start),
    end: Number(row.end),
  };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "jm-reviews-hand-e2e-"));
  dataDir = join(root, "data");
  for (const part of ["raw", "regions.csv"])
    cpSync(join(ROOT, "data", part), join(dataDir, part), { recursive: true });
  spawnSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs"), "--quiet"], { cwd: ROOT });
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, "extract/dist/cli.js"),
      "--in",
      join(dataDir, "raw"),
      "--out",
      join(dataDir, "indicators.csv"),
      "--regions",
      join(dataDir, "regions.csv"),
    ],
    { encoding: "utf8" },
  );
  expect(run.status, run.stderr).toBe(0);
  const gdp = factOf(CORRECTED);
  const correction = reviewToCsvLine({
    ...decisionAbout(
      gdp,
      "correct",
      "2026-12-07T09:00:00+08:00",
      { ...gdp, value: 50324000000 },
      MARKUP,
    ),
    line: 0,
  });
  // A confirmation whose note lost its closing quote in the editor, last in the file.
  const broken = reviewToCsvLine({
    ...decisionAbout(factOf(CONFIRMED), "confirm", "2026-12-07T09:01:00+08:00"),
    line: 0,
  }).replace(/,\n$/, ',"手工备注');
  handText = reviewsHeader() + correction + broken;
  writeFileSync(join(dataDir, "reviews.csv"), handText);
  const started = await serveDashboard({
    distDir: join(ROOT, "test-output/dist"),
    dataDir,
    writes: { token: "4a".repeat(32), routes: writeRoutes(dataDir) },
  });
  url = started.url;
  close = () => void started.server.close();
  browser = await launchBrowser();
  watched = await openPage(browser);
  page = watched.page;
});
afterAll(async () => {
  await browser?.close();
  close();
  rmSync(root, { recursive: true, force: true });
});

const row = (id: string) => page.locator(`tr[data-fact-id="${id}"]`);
const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

describe("a hand-edited reviews.csv", () => {
  test("names the broken row by file and line, applies the others, shows the note as text", async () => {
    await page.goto(`${url}?indicator=gdp&view=table`);
    await tableReady(page);
    await page.locator('[data-testid="review-bar"]:not([data-applied=""])').waitFor();
    const problems = page.locator(".review-problems");
    await problems.locator("summary").click();
    await expect(problems.locator("li").allTextContents()).resolves.toEqual([
      'data/reviews.csv:3: row: a quoted cell is never closed (a " is missing): the row is left out',
    ]);
    await expect(row(CORRECTED).getByTestId("review-state").textContent()).resolves.toBe("已更正");
    await expect(row(CONFIRMED).getByTestId("review-state").textContent()).resolves.toBe("未核对");

    // The correction's history, note included, as text.
    await row(CORRECTED).getByRole("button", { name: "查看原文" }).click();
    const dialog = page.getByTestId("sources");
    await dialog.getByTestId("review-history").first().waitFor();
    await expect(dialog.getByTestId("review-history").first().textContent()).resolves.toContain(
      MARKUP,
    );
    expect(await dialog.locator("img, script").count()).toBe(0);
    await dialog.getByRole("button", { name: "关闭" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await pwned()).toBeUndefined();
  });

  test("a decision made in the page after the broken row is appended, applied, and kept after a reload", async () => {
    const saved = page.waitForResponse((r) => r.url().endsWith("/api/reviews"));
    await row(REJECTED).getByRole("button", { name: "驳回" }).click();
    expect((await saved).status()).toBe(200);
    await row(REJECTED).waitFor({ state: "detached", timeout: 20_000 });
    const after = readFileSync(join(dataDir, "reviews.csv"), "utf8");
    // The broken row is kept byte for byte; the decision is a line of its own after it.
    expect(after.startsWith(handText + "\n")).toBe(true);
    expect(after.slice(handText.length + 1)).toMatch(new RegExp(`,reject,${REJECTED},`));

    await page.reload();
    await tableReady(page);
    await page.locator('[data-testid="review-bar"]:not([data-applied=""])').waitFor();
    await expect(row(REJECTED).count()).resolves.toBe(0);
    await expect(row(CORRECTED).getByTestId("review-state").textContent()).resolves.toBe("已更正");
    await page.goto(`${url}?indicator=gdp`);
    await chartReady(page);
    const box = (await page.getByTestId("chart").boundingBox())!;
    for (let x = box.x + 40; x < box.x + box.width; x += 16)
      for (const y of [0.3, 0.5, 0.7]) await page.mouse.move(x, box.y + box.height * y);
    expect(await page.locator(".chart img, .chart script").count()).toBe(0);
    expect(await pwned()).toBeUndefined();
    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });

  test("a title and publisher of markup saved from the page stay text in the table, the sources and the tooltip", async () => {
    await page.goto(`${url}?indicator=gdp`);
    await chartReady(page);
    // Posted as the page posts a save (its own token), with a javascript: URL refused first.
    const answers = await page.evaluate(async (markup) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="jm-write-token"]')!.content;
      const save = (extra: Record<string, string>) =>
        fetch("/api/articles", {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Write-Token": token },
          // Written for this test.
          body: JSON.stringify({
            text: "台山市2019年地区生产总值400.5亿元。\n",
            published: "2020-01-10",
            title: markup,
            publisher: markup,
            ...extra,
          }),
        }).then(async (r) => [r.status, (await r.json()) as Record<string, unknown>] as const);
      return [await save({ url: "javascript:window.__pwned=3" }), await save({})];
    }, MARKUP);
    const [refused, accepted] = answers as [(typeof answers)[0], (typeof answers)[0]];
    expect(refused[0]).toBe(400);
    expect(refused[1].error).toMatch(/url must start with http/);
    expect(accepted[0], JSON.stringify(accepted[1])).toBe(200);
    const { id } = accepted[1].article as { id: string };

    await page.goto(`${url}?indicator=gdp&view=table&regions=taishan`);
    await tableReady(page);
    const saved = page.locator(`tr[data-fact-id^="${id}-"]`);
    await expect(saved.count()).resolves.toBe(1);
    expect(await page.getByTestId("table").locator("img, script").count()).toBe(0);
    await saved.getByRole("button", { name: "查看原文" }).click();
    const dialog = page.getByTestId("sources");
    await dialog.getByTestId("source-title").first().waitFor();
    await expect(dialog.getByTestId("source-title").first().textContent()).resolves.toContain(
      MARKUP,
    );
    expect(await dialog.locator("img, script").count()).toBe(0);
    await dialog.getByRole("button", { name: "关闭" }).click();
    await dialog.waitFor({ state: "detached" });

    await page.goto(`${url}?indicator=gdp&regions=taishan`);
    await chartReady(page);
    // Where the chart draws the saved figure (400.5亿元), from the chart's own model.
    const at = await page.getByTestId("chart").evaluate((element) => {
      type Series = {
        get: (k: string) => unknown;
        getData: () => { count: () => number; getRawDataItem: (i: number) => unknown };
      };
      const chart = (
        element as unknown as {
          chart: {
            getModel: () => { eachSeries: (f: (s: Series) => void) => void };
            convertToPixel: (finder: object, value: number[]) => number[];
          };
        }
      ).chart;
      let found: number[] | null = null;
      chart.getModel().eachSeries((s) => {
        const data = s.getData();
        for (let i = 0; i < data.count(); i++) {
          const raw = data.getRawDataItem(i);
          const tuple = (Array.isArray(raw) ? raw : (raw as { value: number[] }).value) as number[];
          // A drawn point (its tuple holds the point's index), not the faint bar of its span.
          if (
            s.get("silent") !== true &&
            Number.isInteger(tuple[2]) &&
            Math.abs(tuple[1]! - 400.5) < 1e-6
          )
            found = chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [tuple[0]!, tuple[1]!]);
        }
      });
      return found as number[] | null;
    });
    expect(at).not.toBeNull();
    const box = (await page.getByTestId("chart").boundingBox())!;
    await page.mouse.move(box.x + at![0]!, box.y + at![1]!);
    const tooltip = page.locator("[data-testid=chart] div", { hasText: "<img" }).first();
    await tooltip.waitFor();
    const shown = (await tooltip.textContent()) ?? "";
    // The tooltip of the saved article's point names it by its title: as text.
    expect(shown).toContain(MARKUP);
    expect(await page.locator(".chart img, .chart script").count()).toBe(0);
    expect(await pwned()).toBeUndefined();
    expect(watched.cspViolations).toEqual([]);
  });

  test("a reviews.csv a spreadsheet saved as GBK is read as npm run extract reads it; a decision then is refused naming the file", async () => {
    const gdp = factOf(CORRECTED);
    const note = "原文笔误，已与统计公报核对";
    const text =
      reviewsHeader() +
      reviewToCsvLine({
        ...decisionAbout(
          gdp,
          "correct",
          "2026-12-07T09:00:00+08:00",
          { ...gdp, value: 50325000000 },
          note,
        ),
        line: 0,
      });
    const bytes = encodeGbk(text);
    // GBK indeed: not UTF-8.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    writeFileSync(join(dataDir, "reviews.csv"), bytes);

    await page.goto(`${url}?indicator=gdp&view=table&regions=taishan`);
    await tableReady(page);
    await page.locator('[data-testid="review-bar"]:not([data-applied=""])').waitFor();
    await tableReady(page);
    await expect(row(CORRECTED).getByTestId("review-state").textContent()).resolves.toBe("已更正");
    await expect(row(CORRECTED).locator("td.number").textContent()).resolves.toContain("503.25");
    await row(CORRECTED).getByRole("button", { name: "查看原文" }).click();
    const dialog = page.getByTestId("sources");
    await dialog.getByTestId("review-history").first().waitFor();
    await expect(dialog.getByTestId("review-history").first().textContent()).resolves.toContain(
      note,
    );
    await dialog.getByRole("button", { name: "关闭" }).click();
    await dialog.waitFor({ state: "detached" });

    // Appending a UTF-8 row to it would make a file no reader decodes whole: refused, named.
    const refused = page.waitForResponse((r) => r.url().endsWith("/api/reviews"));
    await row(CORRECTED).getByRole("button", { name: "确认" }).click();
    expect((await refused).status()).toBe(409);
    // The bar shows the refusal once the page has handled the answer: wait for it, not a moment.
    // In the page's language (the server's answer is a code; its English words are not shown).
    await page
      .getByTestId("review-bar")
      .getByText("data/reviews.csv 不是 UTF-8 编码", { exact: false })
      .waitFor();
    const bar = (await page.getByTestId("review-bar").textContent()) ?? "";
    expect(bar).toContain("请把它另存为 UTF-8，再核对");
    expect(bar).toContain("数据未作任何改动");
    expect(bar).not.toContain("is not UTF-8");
    expect(readFileSync(join(dataDir, "reviews.csv")).equals(bytes)).toBe(true);
  });
});
