// Every number checked by a person (issue 20), in Chromium against `npm start`'s server with
// writes on, over a copy of data/: a fact corrected and another rejected in the table, a third
// confirmed in the 待核对 queue by keyboard, a missed number added from the article view; then
// `npm run extract` runs again, and all four still hold in the chart, the table and the
// downloaded CSV, states shown; a decision whose article was removed is named by the run and kept.
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FACT_COLUMNS } from "../../extract/lib/types.ts";
import { parseReviews, reviewToCsvLine } from "../../extract/lib/reviewsCsv.ts";
import { ROOT } from "../../scripts/data-files.ts";
import { serveDashboard } from "../../scripts/serve.ts";
import { writeRoutes } from "../../scripts/write/routes.ts";
import { launchBrowser } from "./browser.ts";
import {
  chartDescription,
  chartReady,
  drawnValues,
  openPage,
  SCREENSHOTS,
  selectInArticle,
  tableReady,
} from "./helpers.ts";

const CORRECTED = "002_29067f03fc52df4d-4869-gdp"; // 台山 2021 GDP 503.23亿元
const REJECTED = "000_6f389480a371ebba-328-gdp"; // 西部 2021 GDP 约1000亿元
const CONFIRMED = "000_6f389480a371ebba-310-gdp"; // 东部 2021 GDP 约2300亿元: first in the queue
const ADDED_SOURCE = "001_fc562c422033d121";
/** A count the extractor leaves out of the article (a heading); found in the text at run time. */
const MISSED = "1700家";
const REMOVED_SOURCE = "004_4a3605b093db0633";
const REMOVED_FACT = "004_4a3605b093db0633-1107-project_count";

let browser: Browser;
let page: Page;
let root: string;
let dataDir: string;
let url = "";
let close = () => undefined as void;

/** The facts of a contract CSV, parsed strictly: the header, and every row with every column. */
function strictFacts(text: string): Record<string, string>[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(header).toEqual([...FACT_COLUMNS]);
  return rows.map((row) => {
    expect(row).toHaveLength(FACT_COLUMNS.length);
    return Object.fromEntries(FACT_COLUMNS.map((c, i) => [c, row[i]!]));
  });
}

const runExtract = (withReviews = true) =>
  spawnSync(
    process.execPath,
    [
      join(ROOT, "extract/dist/cli.js"),
      "--in",
      join(dataDir, "raw"),
      "--out",
      join(dataDir, "indicators.csv"),
      "--regions",
      join(dataDir, "regions.csv"),
      ...(withReviews ? ["--reviews", join(dataDir, "reviews.csv")] : []),
    ],
    { encoding: "utf8" },
  );

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "jm-reviews-e2e-"));
  dataDir = join(root, "data");
  for (const part of ["raw", "regions.csv"])
    cpSync(join(ROOT, "data", part), join(dataDir, part), { recursive: true });
  // The CLI the tests run is built by the unit setup; build it here too when run alone.
  spawnSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs"), "--quiet"], { cwd: ROOT });
  expect(runExtract(false).status).toBe(0);
  const started = await serveDashboard({
    distDir: join(ROOT, "test-output/dist"),
    dataDir,
    writes: { token: "5e".repeat(32), routes: writeRoutes(dataDir) },
  });
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

const row = (id: string) => page.locator(`tr[data-fact-id="${id}"]`);

async function openTable(): Promise<void> {
  await page.goto(`${url}?indicator=gdp&view=table`);
  await tableReady(page);
}

/** Runs an action that keeps a decision and waits until the page has applied it. */
async function decided(action: () => Promise<unknown>): Promise<void> {
  const bar = page.getByTestId("review-bar");
  const before = await bar.getAttribute("data-applied");
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
  // The table (when shown) is asked for its page again in the same render: wait for that page.
  if (await page.getByTestId("table").count()) await tableReady(page);
}

describe("reviewing facts", () => {
  test("corrects a fact in the table; an invalid correction is refused naming the field", async () => {
    await openTable();
    const target = row(CORRECTED);
    await expect(target.getByTestId("review-state").textContent()).resolves.toBe("未核对");
    await target.getByRole("button", { name: "更正" }).click();
    const form = page.getByTestId("review-form");
    await form.waitFor(); // the form's code loads on first use
    for (const label of ["指标", "地区", "时期", "数值", "限定", "类型", "对象", "备注"])
      await expect(form.getByLabel(label, { exact: true }).count()).resolves.toBe(1);
    await expect(form.getByLabel("数值", { exact: true }).inputValue()).resolves.toBe(
      "50323000000",
    );
    await form.getByLabel("时期", { exact: true }).fill("2021-13");
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByTestId("review-problems").textContent()).resolves.toContain("时期");
    await form.getByLabel("时期", { exact: true }).fill("2021");
    // A value far outside what a GDP takes (0.001亿元: yuan typed for 亿元, digits lost) is warned
    // of, naming the field and the indicator's range, and is not sent; it would be kept only once
    // the person ticks that this very value is right.
    const posted: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().endsWith("/api/reviews")) posted.push(r.url());
    };
    page.on("request", onRequest);
    await form.getByLabel("数值", { exact: true }).fill("100000");
    await form.getByRole("button", { name: "保存" }).click();
    const warning = form.getByTestId("review-implausible");
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toMatch(
      /请核对数值：0\.001亿元 超出地区生产总值的常见范围（10亿元 至 200000亿元）.*尚未保存/,
    );
    await form.getByRole("button", { name: "保存" }).click();
    await warning.waitFor();
    const box = form.getByTestId("review-implausible-confirm");
    await box.check();
    // The tick is for that value: another one is judged again.
    await form.getByLabel("数值", { exact: true }).fill("1000000");
    await expect(box.isChecked()).resolves.toBe(false);
    expect(posted).toEqual([]);
    page.off("request", onRequest);
    await form.getByLabel("数值", { exact: true }).fill("50324000000");
    await expect(warning.count()).resolves.toBe(0);
    await form.getByLabel("备注", { exact: true }).fill("原文笔误");
    await decided(() => form.getByRole("button", { name: "保存" }).click());
    await expect(row(CORRECTED).getByTestId("review-state").textContent()).resolves.toBe("已更正");
    await expect(row(CORRECTED).locator("td.number").textContent()).resolves.toContain("503.24");
  });

  test("rejects another fact in the table: it leaves the table", async () => {
    await decided(() => row(REJECTED).getByRole("button", { name: "驳回" }).click());
    await expect(row(REJECTED).count()).resolves.toBe(0);
  });

  test("confirms a third in the 待核对 queue by keyboard, the keys and the count on screen", async () => {
    await page.getByTestId("open-queue").click();
    const queue = page.getByTestId("review-queue");
    await expect(queue.getByTestId("queue-keys").textContent()).resolves.toMatch(
      /Y 确认.*C 更正.*R 驳回.*N 下一条/,
    );
    const fact = queue.getByTestId("queue-fact");
    await fact.waitFor();
    await expect(fact.getAttribute("data-fact")).resolves.toBe(CONFIRMED);
    const left = Number(
      /\d+/.exec((await queue.getByTestId("queue-left").textContent()) ?? "")![0],
    );
    await queue.locator("mark.number").waitFor();
    await expect(queue.locator("mark.number").textContent()).resolves.toBe("约为2300亿元");
    await decided(() => page.keyboard.press("y"));
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="queue-left"]')?.textContent?.includes(String(n)),
      left - 1,
    );
    await expect(fact.getAttribute("data-fact")).resolves.not.toBe(CONFIRMED);
    await page.keyboard.press("Escape");
  });

  test("adds a missed number selected in the article view", async () => {
    await page.goto(`${url}?indicator=enterprise_count&view=table`);
    await tableReady(page);
    await row(`${ADDED_SOURCE}-4724-enterprise_count`)
      .getByRole("button", { name: "查看原文" })
      .click();
    const dialog = page.getByTestId("sources");
    const article = dialog.locator(`article[data-source="${ADDED_SOURCE}"]`).first();
    await article.locator(".article-text").waitFor();
    await selectInArticle(article, MISSED);
    await article.getByTestId("review-add").click();
    const form = page.getByTestId("review-form");
    await expect(form.getByLabel("数值", { exact: true }).inputValue()).resolves.toBe("1700");
    await form.getByLabel("指标", { exact: true }).selectOption("enterprise_count");
    await form.getByLabel("地区", { exact: true }).selectOption("jianghai");
    await form.getByLabel("限定", { exact: true }).selectOption("approx");
    await form.getByLabel("对象", { exact: true }).fill("新一代电子信息企业");
    await decided(() => form.getByRole("button", { name: "保存" }).click());
    await dialog.getByRole("button", { name: "关闭" }).click();
  });

  test("a decision about an article that is later removed is named by npm run extract and kept", async () => {
    await page.goto(`${url}?indicator=project_count&view=table`);
    await tableReady(page);
    await decided(() => row(REMOVED_FACT).getByRole("button", { name: "确认" }).click());
    const before = readFileSync(join(dataDir, "reviews.csv"), "utf8");
    rmSync(join(dataDir, "raw", `${REMOVED_SOURCE}.txt`));
    // Before any run: sources.csv still lists the article and indicators.csv still has its rows,
    // but its file is gone, so the dashboard applies the decision to nothing, as the run will.
    await page.reload();
    await tableReady(page);
    const gone = page.getByTestId("reviews-gone");
    await gone.waitFor();
    await expect(gone.textContent()).resolves.toContain("1 条核对所属的文章已不在");
    await expect(row(REMOVED_FACT).getByTestId("review-state").textContent()).resolves.toBe(
      "未核对",
    );
    const run = runExtract();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `confirm 51个 in ${REMOVED_SOURCE}: the document ${REMOVED_SOURCE} is gone`,
    );
    expect(run.stderr).toMatch(/5 decisions read, 4 applied, 0 stale, 1 applied to nothing/);
    // The file is the person's: the run changed nothing in it.
    expect(readFileSync(join(dataDir, "reviews.csv"), "utf8")).toBe(before);
    const { reviews, problems } = parseReviews(
      before,
      new Set(["jiangmen", "jianghai", "taishan", "jiangmen_east", "jiangmen_west"]),
    );
    expect(problems).toEqual([]);
    expect(reviews.map((r) => r.action)).toEqual([
      "correct",
      "reject",
      "confirm",
      "add",
      "confirm",
    ]);
  });

  test("after the run, all four hold in the file, the table, the chart and the downloaded CSV", async () => {
    const facts = strictFacts(readFileSync(join(dataDir, "indicators.csv"), "utf8"));
    const byId = new Map(facts.map((f) => [f.id, f]));
    expect(byId.get(CORRECTED)).toMatchObject({ value: "50324000000", review: "corrected" });
    expect(byId.has(REJECTED)).toBe(false);
    expect(byId.get(CONFIRMED)).toMatchObject({ review: "confirmed" });
    const added = facts.filter((f) => f.review === "added");
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      source: ADDED_SOURCE,
      text: MISSED,
      value: "1700",
      region: "jianghai",
    });

    // The chart draws the reviewed values.
    await page.goto(`${url}?indicator=gdp&regions=taishan,jiangmen_east,jiangmen_west`);
    await chartReady(page);
    const described = await chartDescription(page);
    expect(described).toContain("503.24");
    // Drawn in 亿元: the correction, the confirmed figure, and no rejected 1000.
    const drawn = await drawnValues(page);
    expect(drawn).toEqual(expect.arrayContaining([503.24, 2300]));
    expect(drawn).not.toContain(503.23);
    expect(drawn).not.toContain(1000);
    // The counts come once the decisions are applied (their documents looked for in data/raw).
    await page.locator('[data-testid="review-bar"]:not([data-applied=""])').waitFor();
    await expect(page.getByTestId("trust-line").textContent()).resolves.toBe(
      "已核对 3 条数据,其中 1 条抽取无误",
    );
    // The one decision the run applied to nothing, the dashboard applies to nothing too.
    await expect(page.getByTestId("reviews-gone").textContent()).resolves.toContain("1 条核对");

    // The map and the district page draw the reviewed figure as well.
    await page.goto(`${url}?view=map&indicator=gdp&period=2021`);
    await chartReady(page);
    const mapped = await page.evaluate(() => {
      const element = document.querySelector('[data-testid="chart"]') as HTMLElement & {
        chart: {
          getOption: () => { series: { data: { name: string; value: number | null }[] }[] };
        };
      };
      return element.chart.getOption().series[0]!.data;
    });
    expect(mapped.find((d) => d.name === "taishan")?.value).toBe(503.24);
    await page.goto(`${url}?view=district&district=taishan`);
    await page.getByTestId("district-page").waitFor();
    await expect(page.getByTestId("district-page").textContent()).resolves.toContain("503.24");

    // The table shows the states; the filter by state finds the correction.
    await openTable();
    await expect(row(CORRECTED).getByTestId("review-state").textContent()).resolves.toBe("已更正");
    await expect
      .poll(() => row(CONFIRMED).getByTestId("review-state").textContent(), { timeout: 10_000 })
      .toBe("已核对");
    await page.getByTestId("review-filter").selectOption("corrected");
    await tableReady(page);
    await expect(page.locator("tbody tr").count()).resolves.toBe(1);
    await page.getByTestId("review-filter").selectOption("");
    await tableReady(page);

    // The added number is a fact of the table too, marked 补录.
    await page.goto(`${url}?indicator=enterprise_count&view=table`);
    await tableReady(page);
    await page.getByTestId("review-filter").selectOption("added");
    await tableReady(page);
    await expect(page.locator("tbody tr").count()).resolves.toBe(1);
    await expect(
      page.locator("tbody tr").first().getByTestId("review-state").textContent(),
    ).resolves.toBe("补录");
    await expect(page.locator("tbody tr").first().textContent()).resolves.toContain(MISSED);
    // …in the chart (subjects shown) and in the downloaded CSV, with its state.
    await page.goto(`${url}?indicator=enterprise_count&regions=jianghai&subjects=1`);
    await chartReady(page);
    expect(await drawnValues(page)).toContain(1700);
    const [addedFile] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export").locator("button.csv").click(),
    ]);
    const addedRows = strictFacts(readFileSync((await addedFile.path())!, "utf8"));
    expect(addedRows.filter((f) => f.review === "added")).toMatchObject([
      { text: MISSED, value: "1700", region: "jianghai", source: ADDED_SOURCE },
    ]);
    await openTable();

    // The sources dialog: the extracted value beside the corrected one, and the decisions.
    await row(CORRECTED).click();
    const dialog = page.getByTestId("sources");
    const source = dialog
      .locator(`article[data-source="002_29067f03fc52df4d"]`)
      .filter({ has: page.getByTestId("extracted-beside") });
    await source.getByTestId("extracted-beside").waitFor({ timeout: 30_000 });
    await expect(source.getByTestId("extracted-beside").textContent()).resolves.toMatch(
      /503\.23.*503\.24/,
    );
    await expect(dialog.getByTestId("review-history").first().textContent()).resolves.toContain(
      "原文笔误",
    );
    await page.screenshot({ path: join(SCREENSHOTS, "reviews.png") });
    await dialog.getByRole("button", { name: "关闭" }).click();

    // The downloaded CSV carries the reviewed values and their states.
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export").locator("button.csv").click(),
    ]);
    const downloaded = strictFacts(readFileSync((await file.path())!, "utf8"));
    const got = new Map(downloaded.map((f) => [f.id, f]));
    expect(got.get(CORRECTED)).toMatchObject({ value: "50324000000", review: "corrected" });
    expect(got.get(CONFIRMED)).toMatchObject({ review: "confirmed" });
    expect(got.has(REJECTED)).toBe(false);
  });

  test("a correction of a number the loaded file has no row for is shown and named at once, not hidden until the next run", async () => {
    // A number of the article that the extractor leaves out, corrected in a reviews.csv that came
    // from elsewhere (an older run's page, another machine): the loaded indicators.csv has no row.
    const text = readFileSync(join(dataDir, "raw", `${ADDED_SOURCE}.txt`), "utf8");
    const facts = strictFacts(readFileSync(join(dataDir, "indicators.csv"), "utf8"));
    const taken = facts
      .filter((f) => f.source === ADDED_SOURCE)
      .map((f) => [Number(f.start), Number(f.end)] as const);
    const missed = [...text.matchAll(/\d+个/g)].find(
      (m) => !taken.some(([s, e]) => m.index < e && s < m.index + m[0].length),
    )!;
    expect(missed).toBeDefined();
    const start = missed.index;
    const factId = `${ADDED_SOURCE}-${start}-project_count`;
    appendFileSync(
      join(dataDir, "reviews.csv"),
      reviewToCsvLine({
        reviewedAt: "2026-12-07T10:00:00+08:00",
        action: "correct",
        factId,
        source: ADDED_SOURCE,
        start,
        end: start + missed[0].length,
        text: missed[0],
        indicator: "project_count",
        region: "jianghai",
        period: "2023",
        value: 1234,
        unit: "count",
        qualifier: "exact",
        kind: "actual",
        subject: "",
        note: "",
        line: 0,
      }),
    );
    const line = readFileSync(join(dataDir, "reviews.csv"), "utf8").trimEnd().split("\n").length;

    await page.goto(`${url}?indicator=project_count&view=table&regions=jianghai`);
    await tableReady(page);
    const waiting = page.getByTestId("reviews-waiting");
    await waiting.waitFor({ timeout: 20_000 });
    await expect(waiting.locator("summary").textContent()).resolves.toContain(
      "1 个核对过的数据在 indicators.csv 中还没有对应的行",
    );
    await waiting.locator("summary").click();
    await expect(waiting.locator("li").textContent()).resolves.toBe(
      `reviews.csv 第 ${line} 行：更正 ${missed[0]}（${ADDED_SOURCE}）`,
    );
    await expect(row(factId).getByTestId("review-state").textContent()).resolves.toBe("已更正");
    await expect(row(factId).locator("td.number").textContent()).resolves.toContain("1,234");

    // The next run writes what was shown; then nothing waits.
    expect(runExtract().status).toBe(0);
    const written = strictFacts(readFileSync(join(dataDir, "indicators.csv"), "utf8"));
    expect(written.find((f) => f.id === factId)).toMatchObject({
      value: "1234",
      review: "corrected",
    });
    await page.reload();
    await tableReady(page);
    await page.locator('[data-testid="review-bar"]:not([data-applied=""])').waitFor();
    await expect(row(factId).getByTestId("review-state").textContent()).resolves.toBe("已更正");
    await expect(page.getByTestId("reviews-waiting").count()).resolves.toBe(0);
  });

  test("the 待核对 keys go on working after a correction saved from the queue (focus stays in the queue)", async () => {
    await page.goto(url);
    await page.getByTestId("open-queue").click();
    const queue = page.getByTestId("review-queue");
    const fact = queue.getByTestId("queue-fact");
    await fact.waitFor();
    const corrected = await fact.getAttribute("data-fact");
    await page.keyboard.press("c");
    const form = page.getByTestId("review-form");
    await form.waitFor();
    await form.getByLabel("备注", { exact: true }).fill("键盘核对");
    await decided(() => page.keyboard.press("Enter"));
    await form.waitFor({ state: "detached" });
    // The next fact is shown, and N (no mouse) moves on from it.
    await page.waitForFunction((id) => {
      const shown = document.querySelector('[data-testid="queue-fact"]')?.getAttribute("data-fact");
      return shown && shown !== id;
    }, corrected);
    const shown = await fact.getAttribute("data-fact");
    await page.keyboard.press("n");
    await page.waitForFunction(
      (id) => {
        const now = document.querySelector('[data-testid="queue-fact"]')?.getAttribute("data-fact");
        return now && now !== id;
      },
      shown,
      { timeout: 10_000 },
    );
    await page.keyboard.press("Escape");
  });

  test("a fact rejected by mistake in 待核对 is brought back with U and decided again (the last decision wins)", async () => {
    await page.goto(url);
    await page.getByTestId("open-queue").click();
    const queue = page.getByTestId("review-queue");
    const fact = queue.getByTestId("queue-fact");
    await fact.waitFor();
    const rejected = await fact.getAttribute("data-fact");
    await decided(() => page.keyboard.press("r"));
    await page.waitForFunction((id) => {
      const shown = document.querySelector('[data-testid="queue-fact"]')?.getAttribute("data-fact");
      return shown && shown !== id;
    }, rejected);
    // What was just decided is said, with the key that goes back to it.
    await expect(queue.getByTestId("queue-last").textContent()).resolves.toMatch(/已驳回.*U 返回/);
    await page.keyboard.press("u");
    await page.waitForFunction(
      (id) =>
        document.querySelector('[data-testid="queue-fact"]')?.getAttribute("data-fact") === id,
      rejected,
    );
    await expect(fact.getByTestId("review-state").textContent()).resolves.toBe("已驳回");
    await decided(() => page.keyboard.press("y"));
    await page.keyboard.press("Escape");
    const lines = readFileSync(join(dataDir, "reviews.csv"), "utf8").trimEnd().split("\n");
    expect(lines.slice(-2).map((l) => l.split(",").slice(1, 3))).toEqual([
      ["reject", rejected],
      ["confirm", rejected],
    ]);
    // Confirmed now: it is back in the data, checked.
    const [indicator] = /[a-z_]+$/.exec(rejected!)!;
    await page.goto(`${url}?indicator=${indicator}&view=table`);
    await tableReady(page);
    await page.locator('[data-testid="review-bar"]:not([data-applied=""])').waitFor();
    await expect(row(rejected!).getByTestId("review-state").textContent()).resolves.toBe("已核对");
  });

  test("更正 from the queue by keyboard alone: C opens the form at 数值, typing and Enter keep it", async () => {
    await page.goto(url);
    await page.getByTestId("open-queue").click();
    const queue = page.getByTestId("review-queue");
    const fact = queue.getByTestId("queue-fact");
    await fact.waitFor();
    const corrected = (await fact.getAttribute("data-fact"))!;
    await page.keyboard.press("c");
    const form = page.getByTestId("review-form");
    await form.waitFor();
    const value = form.getByLabel("数值", { exact: true });
    await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "value");
    const before = Number(await value.inputValue());
    // The value is selected: what is typed replaces it.
    await page.keyboard.type(String(before + 1));
    await decided(() => page.keyboard.press("Enter"));
    await form.waitFor({ state: "detached" });
    await page.keyboard.press("Escape");
    const last = readFileSync(join(dataDir, "reviews.csv"), "utf8").trimEnd().split("\n").at(-1)!;
    expect(last.split(",").slice(1, 3)).toEqual(["correct", corrected]);
    expect(last).toContain(`,${before + 1},`);
  });
});
