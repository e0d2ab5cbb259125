// Reviews when the dashboard is served as static files (no server to write to): a decision is kept
// in the browser, survives a reload, shows everywhere, and reviews.csv downloads with it, ready to
// put into data/ for `npm run extract`.
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { describe, expect, inject, test } from "vitest";
import { REVIEW_COLUMNS } from "../../extract/lib/reviews.ts";
import { tableReady, useWatchedPage, type WatchedPage } from "./helpers.ts";

const baseUrl = inject("baseUrl");
let watched: WatchedPage;
let page: Page;
useWatchedPage((w) => {
  watched = w;
  page = w.page;
});

const FACT = "002_29067f03fc52df4d-4860-gdp"; // 台山 2021 GDP 突破500亿元
const row = () => page.locator(`tr[data-fact-id="${FACT}"]`);

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
    await expect(row().getByTestId("review-state").textContent()).resolves.toBe("已核对");

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
    await expect(first.getByTestId("review-state").textContent()).resolves.toBe("已核对");
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
});
