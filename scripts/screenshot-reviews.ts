// The README's pictures of the review workflow (issue 20): on a temporary copy of data/ served
// with writes on, as `npm start` does, one fact is corrected and one rejected in the table and one
// confirmed, then the table with the states (tests/e2e/__screenshots__/reviews-table.png) and the
// 待核对 queue at its next fact (tests/e2e/__screenshots__/reviews-queue.png) are taken. data/ itself
// is not touched.
//
//   node --import tsx scripts/screenshot-reviews.ts [--no-build]
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launchBrowser } from "../tests/e2e/browser.ts";
import { ROOT } from "./data-files.ts";
import { buildDashboard } from "./build.ts";
import { serveDashboard } from "./serve.ts";
import { writeRoutes } from "./write/routes.ts";

const { values } = parseArgs({ options: { "no-build": { type: "boolean", default: false } } });
const distDir = join(ROOT, "test-output", "screenshot-dist");
if (!values["no-build"]) buildDashboard(distDir);
const SHOTS = join(ROOT, "tests/e2e/__screenshots__");

const dataDir = join(mkdtempSync(join(tmpdir(), "jm-review-shots-")), "data");
for (const part of ["raw", "regions.csv", "indicators.csv"])
  cpSync(join(ROOT, "data", part), join(dataDir, part), { recursive: true });
const { server, url } = await serveDashboard({
  distDir,
  dataDir,
  writes: { token: "ab".repeat(32), routes: writeRoutes(dataDir) },
});
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const tableReady = () =>
    page.locator('[data-testid="table"][data-ready="true"]').waitFor({ timeout: 30_000 });
  const row = (id: string) => page.locator(`tr[data-fact-id="${id}"]`);
  /** Keeps a decision and waits until the page shows the facts after it. */
  const decide = async (action: () => Promise<unknown>) => {
    const before = await page.getByTestId("review-bar").getAttribute("data-applied");
    await action();
    await page.waitForFunction(
      (key) =>
        document.querySelector('[data-testid="review-bar"]')?.getAttribute("data-applied") !== key,
      before,
    );
    await tableReady();
  };
  await page.goto(`${url}?indicator=gdp&view=table`);
  await tableReady();
  await decide(() =>
    row("002_29067f03fc52df4d-4860-gdp").getByRole("button", { name: "确认" }).click(),
  );
  await decide(() =>
    row("000_6f389480a371ebba-328-gdp").getByRole("button", { name: "驳回" }).click(),
  );
  await row("002_29067f03fc52df4d-4869-gdp").getByRole("button", { name: "更正" }).click();
  const form = page.getByTestId("review-form");
  await form.getByLabel("数值", { exact: true }).fill("50324000000");
  await form.getByLabel("备注", { exact: true }).fill("示例更正");
  await decide(() => form.getByRole("button", { name: "保存" }).click());
  // Wide enough for every column, the value and the review state both in view.
  await page.setViewportSize({ width: 1680, height: 800 });
  await page.locator(".table-scroll").evaluate((e) => (e.scrollLeft = 0));
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, "reviews-table.png") });
  await page.setViewportSize({ width: 1280, height: 800 });
  console.log(`screenshot: ${join(SHOTS, "reviews-table.png")}`);

  await page.getByTestId("open-queue").click();
  await page.getByTestId("queue-fact").locator("mark.number").waitFor({ timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, "reviews-queue.png") });
  console.log(`screenshot: ${join(SHOTS, "reviews-queue.png")}`);
  if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
} finally {
  await browser.close();
  server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
