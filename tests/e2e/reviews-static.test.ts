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
});
