// The contract's Regions clause on the dashboard: "The dashboard takes its region names from the
// same file" (data/regions.csv). Served over a copy of data/ whose table renames two regions, the
// table view shows the table's names, not names of its own.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "../../scripts/data-files.ts";
import { serveDashboard } from "../../scripts/serve.ts";
import { launchBrowser } from "./browser.ts";
import { openPage, tableReady } from "./helpers.ts";

/** Names no article and no code has: only the region table can bring them to the page. */
const RENAMED = { taishan: "台山（区划表名）", jiangmen_east: "东部片区（区划表名）" } as const;

let browser: Browser;
let page: Page;
let root: string;
let url = "";
let close = () => undefined as void;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "jm-region-table-e2e-"));
  const dataDir = join(root, "data");
  for (const part of ["raw", "regions.csv", "indicators.csv"])
    cpSync(join(ROOT, "data", part), join(dataDir, part), { recursive: true });
  let table = readFileSync(join(dataDir, "regions.csv"), "utf8");
  for (const [key, name] of Object.entries(RENAMED)) {
    const line = new RegExp(`^${key},[^,]*,`, "m");
    expect(table).toMatch(line);
    table = table.replace(line, `${key},${name},`);
  }
  writeFileSync(join(dataDir, "regions.csv"), table);
  const started = await serveDashboard({ distDir: join(ROOT, "test-output/dist"), dataDir });
  url = started.url;
  close = () => void started.server.close();
  browser = await launchBrowser();
  page = (await openPage(browser)).page;
});
afterAll(async () => {
  await browser?.close();
  close();
  rmSync(root, { recursive: true, force: true });
});

describe("region names", () => {
  test("come from data/regions.csv: the region cells of the table view", async () => {
    await page.goto(`${url}?indicator=gdp&view=table`);
    await tableReady(page);
    // 台山's 2021 GDP and the east's are rows of the shipped data; their region cells name them.
    await expect
      .poll(() => page.getByTestId("table").textContent(), { timeout: 10_000 })
      .toContain(RENAMED.taishan);
    await expect(page.getByTestId("table").textContent()).resolves.toContain(RENAMED.jiangmen_east);
    // Every region cell of 台山's rows gives the table's name, never one of the page's own.
    const cells = await page
      .locator('tr[data-fact-id^="002_29067f03fc52df4d-"] td')
      .allTextContents();
    expect(cells.some((c) => c.trim() === RENAMED.taishan)).toBe(true);
    expect(cells.some((c) => c.trim() === "台山市")).toBe(false);
  });
});
