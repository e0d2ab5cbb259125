// Reviews when the dashboard is served as static files (no server to write to): a decision is kept
// in the browser, survives a reload, shows everywhere, and reviews.csv downloads with it, ready to
// put into data/ for `npm run extract`.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { describe, expect, inject, test } from "vitest";
import { REVIEW_COLUMNS } from "../../extract/lib/reviews.ts";
import { FACT_COLUMNS } from "../../extract/lib/types.ts";
import { ROOT } from "../../scripts/data-files.ts";
import { selectInArticle, tableReady, useWatchedPage, type WatchedPage } from "./helpers.ts";

const baseUrl = inject("baseUrl");
let watched: WatchedPage;
let page: Page;
useWatchedPage((w) => {
  watched = w;
  page = w.page;
});

const FACT = "002_29067f03fc52df4d-4860-gdp"; // 台山 2021 GDP 突破500亿元
const row = () => page.locator(`tr[data-fact-id="${FACT}"]`);

/** A CSV file parsed strictly: no quoting error, the header given, every row whole. */
function strictRows(text: string, columns: readonly string[]): Record<string, string>[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(header).toEqual([...columns]);
  return rows.map((cells) => {
    expect(cells).toHaveLength(columns.length);
    return Object.fromEntries(columns.map((c, i) => [c, cells[i]!]));
  });
}

/** Runs an action that keeps a decision and waits until the page has applied it. */
async function decided(action: () => Promise<unknown>): Promise<void> {
  const before = await page.getByTestId("review-bar").getAttribute("data-applied");
  await action();
  await page.waitForFunction(
    (key) =>
      document.querySelector('[data-testid="review-bar"]')?.getAttribute("data-applied") !== key,
    before,
  );
  if (await page.getByTestId("table").count()) await tableReady(page);
}

/** An article of our own: a GDP figure, its growth, and a count the extractor leaves alone. */
const KEPT_TEXT =
  "开平经济前三季度回升\n\n2024年前三季度，开平市实现地区生产总值312.4亿元，同比增长4.6%。全市新登记市场主体1.2万户。\n";

describe("reviews kept in the browser", () => {
  test("a confirmation is kept across a reload and downloads as reviews.csv", async () => {
    await page.goto(`${baseUrl}?indicator=gdp&view=table`);
    await tableReady(page);
    await expect(page.getByTestId("review-bar").textContent()).resolves.toContain(
      "下载 reviews.csv",
    );
    await expect(row().getByTestId("review-state").textContent()).resolves.toBe("未核对");
    const before = await page.getByTestId("review-bar").getAttribute("data-applied");
    await row().getByRole("button", { name: "确认" }).click();
    await page.waitForFunction(
      (key) =>
        document.querySelector('[data-testid="review-bar"]')?.getAttribute("data-applied") !== key,
      before,
    );
    await tableReady(page);
    await expect
      .poll(() => row().getByTestId("review-state").textContent(), { timeout: 10_000 })
      .toBe("已核对");

    await page.reload();
    await tableReady(page);
    await page.waitForFunction(
      (id) =>
        document.querySelector(`tr[data-fact-id="${id}"] [data-testid="review-state"]`)
          ?.textContent === "已核对",
      FACT,
    );
    await expect(page.getByTestId("trust-line").textContent()).resolves.toBe(
      "已核对 1 条数据,其中 1 条抽取无误",
    );

    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-reviews").click(),
    ]);
    expect(file.suggestedFilename()).toBe("reviews.csv");
    const parsed = Papa.parse<string[]>(readFileSync((await file.path())!, "utf8"), {
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...REVIEW_COLUMNS]);
    expect(parsed.data.slice(1)).toHaveLength(1);
    const cells = Object.fromEntries(REVIEW_COLUMNS.map((c, i) => [c, parsed.data[1]![i]]));
    expect(cells).toMatchObject({
      action: "confirm",
      fact_id: FACT,
      source: "002_29067f03fc52df4d",
      text: "突破500亿元",
      value: "50000000000",
      region: "taishan",
    });
    expect(cells.reviewed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(watched.pageErrors).toEqual([]);
  });

  test("a decision about an article pasted in an earlier session never attaches to one pasted later", async () => {
    /** Pastes an article, downloads its facts as CSV, opens that file as the data, and returns
     * the table row of its one figure: a row a person can decide about (static mode keeps the
     * decision in this browser, about the pasted article's id). */
    const pasteAndOpen = async (place: string) => {
      await page.goto(`${baseUrl}?indicator=gdp&view=analyse`);
      await page.getByTestId("article-input").fill(`2023年${place}地区生产总值为321.5亿元。`);
      await page.getByTestId("article-date").fill("2024-02-01");
      await page.getByTestId("analyse-button").click();
      await page.getByTestId("facts-found").filter({ hasText: "1 条事实" }).waitFor();
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("article-csv").click(),
      ]);
      await page.getByRole("tab", { name: "数据表" }).click();
      await page.getByTestId("file-input").setInputFiles((await file.path())!);
      // The opened file is the whole table: its one row.
      const rows = page.getByTestId("table").locator("tbody tr");
      await page.waitForFunction(() => {
        const shown = document.querySelectorAll('[data-testid="table"] tbody tr');
        return shown.length === 1 && shown[0]!.textContent!.includes("321.5");
      });
      await tableReady(page);
      await expect(rows.textContent()).resolves.toContain(place);
      return rows;
    };
    const goneCount = async () => {
      const gone = page.getByTestId("reviews-gone");
      if (!(await gone.count())) return 0;
      return Number(/\d+/.exec((await gone.locator("summary").textContent()) ?? "")![0]);
    };
    // Session one: 台山市's figure confirmed.
    const first = await pasteAndOpen("台山市");
    const before = await page.getByTestId("review-bar").getAttribute("data-applied");
    await first.getByRole("button", { name: "确认" }).click();
    await page.waitForFunction(
      (key) =>
        document.querySelector('[data-testid="review-bar"]')?.getAttribute("data-applied") !== key,
      before,
    );
    await tableReady(page);
    await expect
      .poll(() => first.getByTestId("review-state").textContent(), { timeout: 10_000 })
      .toBe("已核对");
    // The opened file is data of its own: the earlier decision about a shipped article is not
    // about anything here, and is counted so.
    const goneBefore = await goneCount();

    // Session two: another article, its number at the same place in the text. The decision was
    // about the first one, which is not here: it applies to nothing, and the bar says so.
    await page.reload();
    const second = await pasteAndOpen("开平市");
    await page
      .getByTestId("reviews-gone")
      .filter({ hasText: `${goneBefore + 1} 条核对` })
      .waitFor();
    await expect(second.getByTestId("review-state").textContent()).resolves.toBe("未核对");
    expect(watched.pageErrors).toEqual([]);
  });

  test("an article kept in this browser is checked like any other, and its files give npm run extract the same", async () => {
    await page.goto(`${baseUrl}?view=analyse`);
    await page.getByTestId("article-input").fill(KEPT_TEXT);
    await page.getByTestId("article-title").fill("开平前三季度");
    await page.getByTestId("article-date").fill("2024-10-20");
    await page.getByTestId("analyse-button").click();
    await page.getByTestId("facts-found").waitFor();
    await page.getByTestId("save-article-button").click();
    await page.getByTestId("save-status").filter({ hasText: "已保存在本浏览器中" }).waitFor();
    const keptRow = (indicator: string) =>
      page.locator(`tr[data-fact-id^="kept-"][data-fact-id$="-${indicator}"]`);

    // The table: 确认 on its GDP figure.
    await page.goto(`${baseUrl}?indicator=gdp&view=table&regions=kaiping`);
    await tableReady(page);
    await keptRow("gdp").waitFor();
    const gdpId = (await keptRow("gdp").getAttribute("data-fact-id"))!;
    const source = gdpId.replace(/-\d+-gdp$/, "");
    await expect(keptRow("gdp").getByTestId("review-state").textContent()).resolves.toBe("未核对");
    await decided(() => keptRow("gdp").getByRole("button", { name: "确认" }).click());
    // The decision is applied before the table's row is drawn again: wait for the row to say so.
    await expect
      .poll(() => keptRow("gdp").getByTestId("review-state").textContent(), { timeout: 10_000 })
      .toBe("已核对");

    // The sources dialog: 补录 of the count it missed; then 驳回 on its growth in the table.
    await page.goto(`${baseUrl}?indicator=gdp_growth&view=table&regions=kaiping`);
    await tableReady(page);
    await keptRow("gdp_growth").getByRole("button", { name: "查看原文" }).click();
    const dialog = page.getByTestId("sources");
    const article = dialog.locator(`article[data-source="${source}"]`).first();
    await article.locator(".article-text").waitFor();
    await selectInArticle(article, "1.2万户");
    await article.getByTestId("review-add").click();
    const form = page.getByTestId("review-form");
    await expect(form.getByLabel("数值", { exact: true }).inputValue()).resolves.toBe("12000");
    await form.getByLabel("指标", { exact: true }).selectOption("enterprise_count");
    await form.getByLabel("时期", { exact: true }).fill("2024-01/2024-09");
    await form.getByLabel("对象", { exact: true }).fill("新登记市场主体");
    await decided(() => form.getByRole("button", { name: "保存" }).click());
    await dialog.getByRole("button", { name: "关闭" }).click();
    await decided(() => keptRow("gdp_growth").getByRole("button", { name: "驳回" }).click());

    // After a reload the three decisions still stand where the kept article's facts are shown.
    await page.goto(`${baseUrl}?indicator=gdp&view=table&regions=kaiping`);
    await tableReady(page);
    await page.waitForFunction(
      (id) =>
        document.querySelector(`tr[data-fact-id="${id}"] [data-testid="review-state"]`)
          ?.textContent === "已核对",
      gdpId,
    );
    await page.goto(`${baseUrl}?indicator=gdp_growth&view=table&regions=kaiping`);
    await tableReady(page);
    await page.locator('[data-testid="review-bar"]:not([data-applied=""])').waitFor();
    await tableReady(page);
    await expect(keptRow("gdp_growth").count()).resolves.toBe(0);
    await page.goto(`${baseUrl}?indicator=enterprise_count&view=table&regions=kaiping`);
    await tableReady(page);
    await page.locator('[data-testid="review-bar"]:not([data-applied=""])').waitFor();
    await tableReady(page);
    await expect(
      keptRow("enterprise_count").getByTestId("review-state").textContent(),
    ).resolves.toBe("补录");

    // The files to put into data/: reviews.csv and the article, named as its facts name it.
    const [reviewsFile] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-reviews").click(),
    ]);
    const decisions = strictRows(readFileSync((await reviewsFile.path())!, "utf8"), REVIEW_COLUMNS);
    expect(decisions.filter((d) => d.source === source).map((d) => d.action)).toEqual([
      "confirm",
      "add",
      "reject",
    ]);
    await page.goto(`${baseUrl}?view=analyse`);
    const [textFile] = await Promise.all([
      page.waitForEvent("download"),
      page
        .getByTestId("kept-articles")
        .locator("li")
        .filter({ hasText: "开平前三季度" })
        .getByRole("button", { name: "下载文章" })
        .click(),
    ]);
    expect(textFile.suggestedFilename()).toBe(`${source}.txt`);

    // `npm run extract` on those files (and the article's row of sources.csv) applies the same.
    const root = mkdtempSync(join(tmpdir(), "jm-kept-reviews-"));
    try {
      mkdirSync(join(root, "raw"));
      writeFileSync(
        join(root, "raw", textFile.suggestedFilename()),
        readFileSync((await textFile.path())!),
      );
      writeFileSync(
        join(root, "raw", "sources.csv"),
        `file,published,title,publisher,url\n${source}.txt,2024-10-20,开平前三季度,,\n`,
      );
      writeFileSync(join(root, "reviews.csv"), readFileSync((await reviewsFile.path())!));
      const run = spawnSync(
        process.execPath,
        [
          // From its source: rebuilding extract/dist here would pull it from under the unit
          // tests that run it meanwhile.
          "--import",
          "tsx",
          join(ROOT, "extract/cli.ts"),
          ...["--jobs", "1"],
          ...["--in", join(root, "raw"), "--out", join(root, "indicators.csv")],
          ...["--regions", join(ROOT, "data/regions.csv")],
          ...["--reviews", join(root, "reviews.csv")],
        ],
        { cwd: ROOT, encoding: "utf8" },
      );
      expect(run.status, run.stderr).toBe(0);
      const facts = strictRows(readFileSync(join(root, "indicators.csv"), "utf8"), FACT_COLUMNS);
      const states = Object.fromEntries(facts.map((f) => [f.indicator, f.review]));
      expect(states).toEqual({ gdp: "confirmed", enterprise_count: "added" });
      expect(facts.find((f) => f.indicator === "enterprise_count")).toMatchObject({
        id: expect.stringMatching(new RegExp(`^${source}-`)),
        value: "12000",
        region: "kaiping",
        text: "1.2万户",
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    expect(watched.pageErrors).toEqual([]);
  });

  test("an article added for the session and then kept, or kept twice, is one article: each figure one row", async () => {
    // Written for this test.
    const text = "恩平经济简讯\n\n2024年上半年，恩平市实现地区生产总值187.3亿元。\n";
    await page.goto(`${baseUrl}?view=analyse`);
    await page.getByTestId("article-input").fill(text);
    await page.getByTestId("article-date").fill("2024-08-01");
    await page.getByTestId("analyse-button").click();
    await page.getByTestId("facts-found").waitFor();
    await page.getByTestId("add-facts").click();
    await page.getByTestId("pasted-articles").waitFor();
    for (let i = 0; i < 2; i++) {
      await page.getByTestId("save-article-button").click();
      await page.getByTestId("save-status").filter({ hasText: "已保存在本浏览器中" }).waitFor();
    }
    // In this session, without a reload: the articles listed, and the table of its figure.
    const listed = page.getByTestId("pasted-articles").locator("li");
    const sources = () =>
      listed.evaluateAll((items) => items.map((li) => li.getAttribute("data-source")!));
    // Other tests' kept articles are listed too: this one once, its session copy gone.
    await expect
      .poll(async () => (await sources()).filter((s) => s.startsWith("pasted-")))
      .toEqual([]);
    const all = await sources();
    expect(new Set(all).size).toBe(all.length);
    await page.getByRole("tab", { name: "数据表" }).click();
    await tableReady(page);
    const ids = await page
      .getByTestId("table")
      .locator("tbody tr")
      .filter({ hasText: "187.3" })
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-fact-id")));
    expect(ids).toHaveLength(1);
    expect(all).toContain(ids[0]!.replace(/-\d+-gdp$/, ""));
    expect(watched.pageErrors).toEqual([]);
  });
});
