// Hostile and broken input: a user's own CSV (file input and drag-and-drop) with markup in every
// text field, rows that break the contract, a missing file, and a ?csv= pointing elsewhere.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, test } from "vitest";
import type { Page } from "playwright-core";
import {
  FIXTURES,
  SCREENSHOTS,
  chartReady,
  fixtureUrl,
  tableReady,
  useWatchedPage,
  type WatchedPage,
} from "./helpers.ts";
import { encodeGbk } from "../gbk.ts";

const baseUrl = inject("baseUrl");
let watched: WatchedPage;
let page: Page;
useWatchedPage((w) => {
  watched = w;
  page = w.page;
});

const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
const MARKUP = "<img src=x onerror=window.__pwned=1>";

async function hoverAcrossChart(): Promise<void> {
  const box = (await page.getByTestId("chart").boundingBox())!;
  for (let x = box.x + 40; x < box.x + box.width; x += 12) {
    for (const y of [0.3, 0.5, 0.7, 0.9]) await page.mouse.move(x, box.y + box.height * y);
  }
}

describe("hostile input", () => {
  test("markup in a user's CSV (file input) stays text in chart, tooltip, table and sources", async () => {
    await page.goto(fixtureUrl(baseUrl, "indicators.csv", "indicator=project_investment"));
    await chartReady(page);
    await page.getByTestId("file-input").setInputFiles(join(FIXTURES, "hostile.csv"));
    await page.getByTestId("data-source").filter({ hasText: "hostile.csv" }).waitFor();
    await chartReady(page);
    await hoverAcrossChart();
    // A tooltip appeared at some point and shows no live markup.
    expect(await page.locator(".chart img, .chart script").count()).toBe(0);
    expect(await pwned()).toBeUndefined();

    await page.getByRole("tab", { name: /数据表/ }).click();
    await tableReady(page);
    const cells = await page.getByTestId("table").locator("tbody").innerText();
    expect(cells).toContain(MARKUP);
    expect(cells).toContain("<script>window.__pwned=1</script>");
    expect(
      await page.getByTestId("table").locator("img, script, a[href^='javascript']").count(),
    ).toBe(0);

    // Open the sources of every row: quotes with markup, and a source id that is markup itself.
    const buttons = page.getByTestId("table").getByRole("button", { name: "查看原文" });
    const count = await buttons.count();
    for (let i = 0; i < count; i++) {
      await buttons.nth(i).click();
      const dialog = page.getByTestId("sources");
      await dialog.locator("article.source").first().waitFor();
      await dialog.locator(".article-text, [role=alert]").first().waitFor();
      expect(await dialog.locator("img, script").count()).toBe(0);
      if (i === 0) await page.screenshot({ path: join(SCREENSHOTS, "hostile-sources.png") });
      await dialog.getByRole("button", { name: "关闭" }).click();
      await dialog.waitFor({ state: "detached" });
    }
    expect(await pwned()).toBeUndefined();
  });

  test("the markup source id is refused as a document id, said as text", async () => {
    await page.getByLabel("搜索表格").fill("kaiping");
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="table"] tbody tr').length === 1,
    );
    await page.getByTestId("table").getByRole("button", { name: "查看原文" }).click();
    const alert = page.getByTestId("sources").getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(`"${MARKUP}" is not a document id`);
    await page.getByTestId("sources").getByRole("button", { name: "关闭" }).click();
    expect(await pwned()).toBeUndefined();
  });

  test("bad rows are listed with their file lines and reasons; good rows are charted", async () => {
    await page.goto(fixtureUrl(baseUrl, "indicators.csv", "indicator=gdp"));
    await chartReady(page);
    await page.getByTestId("file-input").setInputFiles(join(FIXTURES, "bad-rows.csv"));
    const problems = page.getByTestId("row-problems");
    await problems.waitFor();
    await expect(problems.locator("summary").textContent()).resolves.toContain(
      "5 条记录不符合数据规范",
    );
    const items = await problems.locator("li").allTextContents();
    expect(items).toEqual([
      expect.stringMatching(/^第 6 行: 未知指标 "happiness"/),
      expect.stringMatching(/^第 7 行: 未知地区 "atlantis"/),
      expect.stringMatching(/^第 8 行: 时期 "2022-Q5" 不符合/),
      expect.stringMatching(/^第 9 行: 数值 "lots" 不是数字/),
      // line 10–11 hold a good row whose quote spans two lines
      expect.stringMatching(/^第 12 行: 时期 "yesterday"/),
    ]);
    await chartReady(page);
    const description = await page.getByTestId("chart").getAttribute("aria-label");
    expect(description).toContain("开平市"); // the good multi-line row
    expect(description).toContain("台山市");
    await page.screenshot({ path: join(SCREENSHOTS, "bad-rows.png") });
  });

  test("in a file large enough to be checked in pieces side by side, bad rows keep their file lines", async () => {
    // Rows spanning two lines throughout, so every piece after the first starts at a line
    // only the pieces before it can tell; the bad rows come last, in the last piece.
    const lines = readFileSync(join(FIXTURES, "bad-rows.csv"), "utf8").split("\n");
    const header = lines[0]!;
    const good = lines.slice(1, 5).join("\n"); // four one-line rows
    const twoLines = lines.slice(9, 11).join("\n"); // a good row whose quote spans two lines
    const bad = lines.slice(5, 13).join("\n"); // the fixture's bad rows (and its multi-line one)
    const repeats = 8000; // six lines a repeat, about 10 MB
    const body = `${good}\n${twoLines}\n`.repeat(repeats);
    const csv = `${header}\n${body}${bad}`;
    const buffer = Buffer.from(csv);
    expect(buffer.length).toBeGreaterThan(9_000_000); // pieces are 4 MB
    await page.getByTestId("file-input").setInputFiles({
      name: "large.csv",
      mimeType: "text/csv",
      buffer,
    });
    const problems = page.getByTestId("row-problems");
    await problems.filter({ hasText: "large.csv" }).waitFor({ timeout: 30_000 });
    await expect(problems.locator("summary").textContent()).resolves.toContain(
      "5 条记录不符合数据规范",
    );
    const before = 1 + 6 * repeats;
    const items = await problems.locator("li").allTextContents();
    expect(items.map((item) => item.replace(/:.*/s, ""))).toEqual(
      [1, 2, 3, 4, 7].map((k) => `第 ${before + k} 行`),
    );
    await chartReady(page);
  });

  test("a CSV dropped on the page is opened and checked the same way", async () => {
    const content = readFileSync(join(FIXTURES, "bad-rows.csv"), "utf8");
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "dropped.csv", { type: "text/csv" }));
      return transfer;
    }, content);
    await page.locator(".app").dispatchEvent("dragover", { dataTransfer });
    await page.locator(".app").dispatchEvent("drop", { dataTransfer });
    await page.getByTestId("data-source").filter({ hasText: "dropped.csv" }).waitFor();
    // The name shows as soon as the file is chosen; the problems once it has been read.
    const problems = page.getByTestId("row-problems").filter({ hasText: "dropped.csv" });
    await problems.waitFor();
    await expect(problems.locator("li").count()).resolves.toBe(5);
  });

  test("a file that is not an indicators CSV names the missing columns", async () => {
    await page.getByTestId("file-input").setInputFiles({
      name: "other.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("name,score\nx,1\n"),
    });
    const problem = page.getByTestId("row-problems");
    await problem.filter({ hasText: "other.csv" }).waitFor();
    await expect(problem.textContent()).resolves.toContain("缺少列 id, indicator, region");
  });

  test("a CSV saved by Excel on Chinese Windows (GBK, CRLF) opens with its Chinese fields intact", async () => {
    await page.goto(fixtureUrl(baseUrl, "indicators.csv", "indicator=project_investment"));
    await chartReady(page);
    const text = readFileSync(join(FIXTURES, "indicators.csv"), "utf8").replace(/\r?\n/g, "\r\n");
    const buffer = encodeGbk(text);
    // Really GBK: not valid UTF-8, so only the detection can read it.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(buffer)).toThrow();
    expect(buffer.includes(Buffer.from("\r\n"))).toBe(true);
    await page.getByTestId("file-input").setInputFiles({
      name: "江门指标-excel.csv",
      mimeType: "text/csv",
      buffer,
    });
    await page.getByTestId("data-source").filter({ hasText: "江门指标-excel.csv" }).waitFor();
    await chartReady(page);
    expect(await page.getByTestId("row-problems").count()).toBe(0);
    await page.getByRole("tab", { name: /数据表/ }).click();
    await tableReady(page);
    const cells = await page.getByTestId("table").locator("tbody").innerText();
    expect(cells).toContain("扶贫协作帮扶资金");
    expect(cells).toContain("600万元");
    expect(cells).toContain("蓬江区");
    expect(cells).not.toContain("\uFFFD");
  });

  test("a dropped file that is neither UTF-8 nor GB18030 gets a message naming it", async () => {
    const bytes = [...Buffer.from("id,indicator\r\n1,"), ...Array(40).fill([0x80, 0xff]).flat()];
    const dataTransfer = await page.evaluateHandle((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], "未知编码.csv", { type: "text/csv" }));
      return transfer;
    }, bytes);
    await page.locator(".app").dispatchEvent("dragover", { dataTransfer });
    await page.locator(".app").dispatchEvent("drop", { dataTransfer });
    const alert = page.getByTestId("load-error");
    await alert.waitFor();
    const message = await alert.textContent();
    expect(message).toContain("无法读取数据文件");
    expect(message).toContain("未知编码.csv");
    expect(message).toContain("不是 UTF-8 或 GB18030(GBK)编码的文本");
    expect(message).toContain("not text in UTF-8 or GB18030");
  });

  test("a CSV that cannot be fetched says which URL and status", async () => {
    // The project's server answers a missing file with a real 404.
    await page.goto(fixtureUrl(baseUrl, "missing.csv"));
    const alert = page.getByTestId("load-error");
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain("/fixtures/missing.csv");
    expect(text).toContain("404");
  });

  test("a missing CSV served as an app's HTML page is not parsed as data", async () => {
    // Many static hosts answer every unknown path with the app page and status 200.
    await page.context().route(
      (url) => url.pathname === "/fixtures/does-not-exist.csv",
      (route) =>
        route.fulfill({
          status: 200,
          contentType: "text/html; charset=utf-8",
          body: "<!doctype html><title>app</title><div id=root></div>",
        }),
    );
    await page.goto(fixtureUrl(baseUrl, "does-not-exist.csv"));
    const alert = page.getByTestId("load-error");
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain("/fixtures/does-not-exist.csv");
    expect(text).toContain("网页");
  });

  test("?csv= on another origin is refused without a request", async () => {
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    for (const evil of [
      "https://evil.example/x.csv",
      "//evil.example/x.csv",
      "javascript:window.__pwned=1",
    ]) {
      await page.goto(`${baseUrl}?csv=${encodeURIComponent(evil)}`);
      const alert = page.getByTestId("load-error");
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toContain(evil);
    }
    expect(requested.filter((u) => new URL(u).host === "evil.example")).toEqual([]);
    expect(await pwned()).toBeUndefined();
  });

  test("no CSP violation or page error along the way", () => {
    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });
});
