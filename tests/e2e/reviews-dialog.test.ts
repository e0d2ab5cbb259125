// Deciding in the sources dialog, in Chromium against `npm start`'s server with writes on, over a
// copy of data/: the dialog keeps showing the reports it was opened on while a person decides
// about them. A rejection takes one report out of the data, and every report after it moves up
// one place; the dialog must follow its reports, not their places, or the next 确认 would be kept
// about another figure than the one on screen.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "../../scripts/data-files.ts";
import { serveDashboard } from "../../scripts/serve.ts";
import { writeRoutes } from "../../scripts/write/routes.ts";
import { csvRecords } from "../unit/cli/helpers.ts";
import { launchBrowser } from "./browser.ts";
import { openPage, tableReady, type WatchedPage } from "./helpers.ts";

/** One sentence of 002 states 台山's 2021 GDP twice: 突破500亿元, then 503.23亿元. One point. */
const BEFORE = "002_29067f03fc52df4d-4860-gdp";
const OPENED = "002_29067f03fc52df4d-4869-gdp";

let browser: Browser;
let watched: WatchedPage;
let page: Page;
let root: string;
let dataDir: string;
let url = "";
let close = () => undefined as void;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "jm-reviews-dialog-e2e-"));
  dataDir = join(root, "data");
  for (const part of ["raw", "regions.csv", "indicators.csv"])
    cpSync(join(ROOT, "data", part), join(dataDir, part), { recursive: true });
  const started = await serveDashboard({
    distDir: join(ROOT, "test-output/dist"),
    dataDir,
    writes: { token: "d1".repeat(32), routes: writeRoutes(dataDir) },
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

const decisions = () => csvRecords(readFileSync(join(dataDir, "reviews.csv"), "utf8"));

/** Runs an action that keeps a decision and waits until the page has applied it. */
async function decided(action: () => Promise<unknown>): Promise<void> {
  const before = await page.getByTestId("review-bar").getAttribute("data-applied");
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/reviews"));
  await action();
  expect((await saved).status()).toBe(200);
  await page.waitForFunction(
    (key) => {
      const now = document
        .querySelector('[data-testid="review-bar"]')
        ?.getAttribute("data-applied");
      return now && now !== key;
    },
    before,
    { timeout: 20_000 },
  );
}

describe("deciding in the sources dialog", () => {
  test("after rejecting one report, 确认 on the one left is kept about that one", async () => {
    await page.goto(`${url}?indicator=gdp&view=table&regions=taishan`);
    await tableReady(page);
    await page
      .locator(`tr[data-fact-id="${OPENED}"]`)
      .getByRole("button", { name: "查看原文" })
      .click();
    const dialog = page.getByTestId("sources");
    const reports = dialog.locator("article.source");
    await expect
      .poll(() =>
        reports.evaluateAll((all) => all.map((a) => a.querySelector(".source-meta")!.textContent)),
      )
      .toEqual([expect.stringContaining("503.23"), expect.stringContaining("500")]);
    // 驳回 the other report (突破500亿元), listed second.
    await decided(() => reports.nth(1).getByRole("button", { name: "驳回" }).click());
    await expect.poll(() => reports.count()).toBe(1);
    await expect(reports.first().locator(".source-meta").textContent()).resolves.toContain(
      "503.23",
    );
    await decided(() => reports.first().getByRole("button", { name: "确认" }).click());
    expect(decisions().map((d) => [d.action, d.fact_id])).toEqual([
      ["reject", BEFORE],
      ["confirm", OPENED],
    ]);
    await expect
      .poll(() => reports.first().getByTestId("review-state").textContent(), { timeout: 10_000 })
      .toBe("已核对");
  });

  test("a report rejected in the dialog leaves it; the dialog shows no other figure in its place", async () => {
    await page.keyboard.press("Escape");
    await page.goto(`${url}?indicator=gdp&view=table&regions=taishan`);
    await tableReady(page);
    await page
      .locator(`tr[data-fact-id="${OPENED}"]`)
      .getByRole("button", { name: "查看原文" })
      .click();
    const dialog = page.getByTestId("sources");
    const reports = dialog.locator("article.source");
    await expect.poll(() => reports.count()).toBe(1);
    await decided(() => reports.first().getByRole("button", { name: "驳回" }).click());
    await expect.poll(() => reports.count()).toBe(0);
    await expect(dialog.getByTestId("sources-gone").textContent()).resolves.toContain("已驳回");
    expect(decisions().at(-1)).toMatchObject({ action: "reject", fact_id: OPENED });
    expect(watched.pageErrors).toEqual([]);
  });
});
