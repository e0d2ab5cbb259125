// The dashboard on the fixture: chart, district filter, comparison, table, sources, URL and
// language. One page walks through the features in turn; the last test checks that none of it
// broke the Content-Security-Policy.
import { join } from "node:path";
import { describe, expect, inject, test } from "vitest";
import type { Page } from "playwright-core";
import {
  SCREENSHOTS,
  chartDescription,
  chartReady,
  fixtureUrl,
  redraw,
  search,
  tableReady,
  useWatchedPage,
  xAxisLabels,
  type WatchedPage,
} from "./helpers.ts";

const baseUrl = inject("baseUrl");
let watched: WatchedPage;
let page: Page;
useWatchedPage((w) => {
  watched = w;
  page = w.page;
});

const tab = (name: RegExp) => page.getByRole("tab", { name });

describe("dashboard", () => {
  test("on the shipped data it opens on GDP by year: year labels, no month ticks", async () => {
    await page.goto(baseUrl);
    await chartReady(page);
    await expect(page.getByTestId("indicator-picker").inputValue()).resolves.toBe("gdp");
    expect(search(page.url()).get("indicator")).toBe("gdp");
    const { labels, left, right } = await xAxisLabels(page);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      expect(label.text).toMatch(/^\d{4}$/);
      expect(label.x).toBeGreaterThanOrEqual(left);
      expect(label.x).toBeLessThanOrEqual(right);
    }
    expect(new Set(labels.map((l) => l.text)).size).toBe(labels.length);
  });

  test("loads the CSV in the worker and charts the indicator by district", async () => {
    await page.goto(fixtureUrl(baseUrl, "indicators.csv", "indicator=project_investment"));
    await chartReady(page);
    const marks = await page.evaluate(() => ({
      parsed: performance.getEntriesByName("jm:data-parsed").length,
      finished: performance.getEntriesByName("jm:chart-finished").length,
    }));
    expect(marks.parsed).toBe(1);
    expect(marks.finished).toBeGreaterThanOrEqual(1);
    const description = await chartDescription(page);
    // Said in words: indicator, districts, time span, latest values; no raw data, no NaN.
    expect(description).toMatch(/^项目投资额,.*台山市.*,2021 — 2023。最新:/);
    expect(description).not.toMatch(/NaN|-0\b/);
    await expect(page.getByTestId("indicator-picker").inputValue()).resolves.toBe(
      "project_investment",
    );
    await page.screenshot({ path: join(SCREENSHOTS, "chart-line.png") });
  });

  test("the indicator picker is grouped and names units; switching redraws", async () => {
    const groups = await page
      .getByTestId("indicator-picker")
      .locator("optgroup")
      .evaluateAll((g) => g.map((e) => e.getAttribute("label")));
    expect(groups).toEqual(["地区生产总值", "投资", "项目", "企业", "工业与产值", "外贸"]);
    await expect(page.locator('option[value="gdp"]').textContent()).resolves.toContain("亿元");
    await expect(page.locator('option[value="enterprise_count"]').textContent()).resolves.toContain(
      "家",
    );
    await expect(page.locator('option[value="gdp_growth"]').textContent()).resolves.toContain("%");
    await redraw(page, () => page.getByTestId("indicator-picker").selectOption("gdp"));
    expect(await chartDescription(page)).toContain("江门东部");
    expect(search(page.url()).get("indicator")).toBe("gdp");
  });

  test("line and bar toggle", async () => {
    await redraw(page, () => page.getByLabel("柱状图").check());
    expect(search(page.url()).get("chart")).toBe("bar");
    await page.screenshot({ path: join(SCREENSHOTS, "chart-bar.png") });
    await redraw(page, () => page.getByLabel("折线图").check());
    expect(search(page.url()).get("chart")).toBeNull();
  });

  test("district filter: none, all, search and keyboard", async () => {
    const filter = page.getByTestId("region-filter");
    await filter.getByRole("button", { name: "全不选" }).click();
    await expect(page.getByTestId("empty").textContent()).resolves.toContain("未选择任何地区");
    expect(search(page.url()).get("regions")).toBe("");
    await filter.getByRole("button", { name: "全选" }).click();
    await chartReady(page);
    expect(search(page.url()).get("regions")).toBeNull();

    await filter.getByRole("searchbox").fill("台山");
    await expect(filter.getByRole("checkbox").count()).resolves.toBe(1);
    await filter.getByRole("searchbox").fill("");
    await expect(filter.getByRole("checkbox").count()).resolves.toBe(10);

    // Keyboard only: Tab to a checkbox, Space toggles it.
    await filter.getByRole("checkbox", { name: "江门东部" }).focus();
    await redraw(page, () => page.keyboard.press("Space"));
    expect(await filter.getByRole("checkbox", { name: "江门东部" }).isChecked()).toBe(false);
    expect(search(page.url()).get("regions")).not.toContain("jiangmen_east");
    expect(await chartDescription(page)).not.toContain("江门东部");
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    );
    expect(outline).toBe("solid"); // visible keyboard focus
    await filter.getByRole("button", { name: "全选" }).click();
    await chartReady(page);
  });

  test("the comparison view shows one period, districts sorted by value", async () => {
    await page.getByTestId("indicator-picker").selectOption("project_investment");
    await chartReady(page);
    await redraw(page, () => tab(/地区对比/).click());
    expect(search(page.url()).get("view")).toBe("compare");
    await redraw(page, () => page.getByTestId("compare-period").selectOption("2022"));
    expect(search(page.url()).get("period")).toBe("2022");
    const description = await chartDescription(page);
    expect(description).toContain("新会区");
    await page.screenshot({ path: join(SCREENSHOTS, "compare.png") });
  });

  test("the table lists every fact under the filter, sortable and searchable", async () => {
    await tab(/数据表/).click();
    await tableReady(page);
    const table = page.getByTestId("table");
    const rows = table.locator("tbody tr");
    await expect(rows.count()).resolves.toBe(12); // project_investment facts in the fixture
    await table.getByRole("button", { name: /数值/ }).click();
    await tableReady(page);
    await expect(rows.first().locator("td").nth(3).textContent()).resolves.toContain("0.02");
    await table.getByRole("button", { name: /数值/ }).click();
    await tableReady(page);
    await expect(rows.first().locator("td").nth(3).textContent()).resolves.toContain(">500");
    expect(await table.locator("th[aria-sort=descending]").count()).toBe(1);

    // Two facts name the project as subject, a third in its sentence.
    await page.getByLabel("搜索表格").fill("中创新航");
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="table"] tbody tr').length === 3,
    );
    await page.screenshot({ path: join(SCREENSHOTS, "table.png") });

    // The table follows the district filter.
    await page.getByLabel("搜索表格").fill("");
    await page.getByTestId("region-filter").getByRole("button", { name: "全不选" }).click();
    await page.getByTestId("region-filter").getByRole("checkbox", { name: "台山市" }).check();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="table"] tbody tr').length === 2,
    );
    await page.getByTestId("region-filter").getByRole("button", { name: "全选" }).click();
  });

  test("a table row opens its article as text, the number marked and scrolled into view", async () => {
    await page.getByLabel("搜索表格").fill("100.22");
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="table"] tbody tr').length === 1,
    );
    // The article is named by publisher and title from sources.csv; its file id is a tooltip.
    const name = page.getByTestId("table").getByTestId("article-name").first();
    await expect(name.textContent()).resolves.toMatch(/^羊城晚报《江门新会.*》$/);
    await expect(name.getAttribute("title")).resolves.toBe("002_29067f03fc52df4d");
    await page.getByTestId("table").getByRole("button", { name: "查看原文" }).click();
    const dialog = page.getByTestId("sources");
    await dialog.locator("mark.number").first().waitFor();
    await expect(dialog.locator("mark.number").first().textContent()).resolves.toBe("100.22亿元");
    await expect(dialog.getByTestId("source-title").first().getAttribute("title")).resolves.toBe(
      "002_29067f03fc52df4d",
    );
    // Markdown is drawn as text: headings as headings, no "#" or "**" left on show.
    const text = dialog.locator(".article-text").first();
    expect(await text.locator(".md-heading").count()).toBeGreaterThan(0);
    const shown = (await text.textContent()) ?? "";
    expect(shown).not.toMatch(/^#/m);
    expect(shown).not.toContain("**");
    await expect(dialog.locator(".source-meta").first().textContent()).resolves.toContain(
      "羊城晚报",
    );
    await expect(dialog.locator("h3").first().textContent()).resolves.toContain("江门新会");
    await expect(dialog.locator("mark.sentence").first().textContent()).resolves.toContain(
      "台山市2022年第一季度重大项目集中动工",
    );
    // Scrolled into view inside the article box.
    const inView = await dialog
      .locator("mark.number")
      .first()
      .evaluate((mark) => {
        const box = mark.closest(".article-text")!.getBoundingClientRect();
        const r = mark.getBoundingClientRect();
        return r.top >= box.top && r.bottom <= box.bottom;
      });
    expect(inView).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, "sources.png") });
    await dialog.getByRole("button", { name: "关闭" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByLabel("搜索表格").fill("");
  });

  test("a figure reported several times lists every report of that figure only", async () => {
    await page.goto(
      fixtureUrl(
        baseUrl,
        "indicators.csv",
        "indicator=enterprise_count&view=table&regions=jianghai&q=1681",
      ),
    );
    await tableReady(page);
    await page.getByTestId("table").getByRole("button", { name: "查看原文" }).first().click();
    const dialog = page.getByTestId("sources");
    await dialog.locator("mark.number").nth(1).waitFor();
    // 1681 and 近1700 新一代电子信息企业 are one figure; 145 规上企业 is another and stays out.
    await expect(dialog.locator("article.source").count()).resolves.toBe(2);
    const numbers = await dialog.locator("mark.number").allTextContents();
    expect(numbers.sort()).toEqual(["1681家", "近1700家"]);
    const values = await dialog.getByTestId("report-values").locator("td.number").allTextContents();
    expect(values.map((v) => v.trim()).sort()).toEqual(["1,681 家", "≈1,700 家"]);
    await dialog.getByRole("button", { name: "关闭" }).click();
  });

  test("clicking a chart point opens its sources", async () => {
    await page.goto(
      fixtureUrl(baseUrl, "indicators.csv", "indicator=gdp&regions=taishan&chart=bar"),
    );
    await chartReady(page);
    const box = (await page.getByTestId("chart").boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.8);
    const dialog = page.getByTestId("sources");
    await dialog.locator("mark.number").nth(1).waitFor();
    const numbers = await dialog.locator("mark.number").allTextContents();
    expect(numbers.sort()).toEqual(["503.23亿元", "突破500亿元"]);
    await dialog.getByRole("button", { name: "关闭" }).click();
  });

  test("the view lives in the URL: a reload restores it", async () => {
    await page.goto(fixtureUrl(baseUrl, "indicators.csv", "indicator=project_count"));
    await chartReady(page);
    await page.getByTestId("region-filter").getByRole("button", { name: "全不选" }).click();
    await page.getByTestId("region-filter").getByRole("checkbox", { name: "江海区" }).check();
    await page.getByLabel("起始年份").selectOption("2022");
    await page.getByLabel("柱状图").check();
    await tab(/地区对比/).click();
    await chartReady(page);
    const url = page.url();
    expect(Object.fromEntries(search(url))).toMatchObject({
      indicator: "project_count",
      regions: "jianghai",
      from: "2022",
      chart: "bar",
      view: "compare",
    });
    await page.reload();
    await chartReady(page);
    expect(page.url()).toBe(url);
    await expect(page.getByTestId("indicator-picker").inputValue()).resolves.toBe("project_count");
    expect(await page.getByRole("checkbox", { name: "江海区" }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: "新会区" }).isChecked()).toBe(false);
    await expect(page.getByLabel("起始年份").inputValue()).resolves.toBe("2022");
    await expect(tab(/地区对比/).getAttribute("aria-selected")).resolves.toBe("true");
  });

  test("garbage parameters fall back to defaults without a crash", async () => {
    const errorsBefore = watched.pageErrors.length;
    await page.goto(
      fixtureUrl(
        baseUrl,
        "indicators.csv",
        "indicator=%3Cscript%3E&regions=%25%25,<img>&from=abcd&to=99999999&chart=pie&view=%00&lang=fr&period=';drop",
      ),
    );
    await chartReady(page);
    await expect(tab(/趋势图/).getAttribute("aria-selected")).resolves.toBe("true");
    expect(
      await page.getByTestId("region-filter").getByRole("checkbox", { checked: true }).count(),
    ).toBe(10);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
    expect(watched.pageErrors.slice(errorsBefore)).toEqual([]);
  });

  test("zh/en switch relabels everything and is kept in the URL", async () => {
    await page.goto(fixtureUrl(baseUrl, "indicators.csv", "indicator=gdp"));
    await chartReady(page);
    await redraw(page, () => page.getByLabel("语言").selectOption("en"));
    expect(search(page.url()).get("lang")).toBe("en");
    await expect(page.locator("h1").textContent()).resolves.toBe("Jiangmen economic indicators");
    await expect(tab(/Compare/).count()).resolves.toBe(1);
    await expect(page.getByTestId("region-filter").locator("legend").textContent()).resolves.toBe(
      "Districts",
    );
    expect(await chartDescription(page)).toContain("Taishan");
    await expect(page.locator('option[value="gdp"]').textContent()).resolves.toContain(
      "100 million yuan",
    );
    await page.screenshot({ path: join(SCREENSHOTS, "chart-en.png") });
    await page.reload();
    await chartReady(page);
    await expect(page.locator("h1").textContent()).resolves.toBe("Jiangmen economic indicators");
    // Nothing left in Chinese in the controls once English is chosen (region names aside).
    const sidebar = await page.locator(".sidebar").innerText();
    expect(sidebar).not.toMatch(/[\u4e00-\u9fff]/);
  });

  test("every control has an accessible name", async () => {
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll("input, select, button")]
        .filter((e) => {
          const el = e as HTMLInputElement;
          const labelled = el.labels && el.labels.length > 0;
          return !labelled && !el.getAttribute("aria-label") && !(el.textContent ?? "").trim();
        })
        .map((e) => e.outerHTML),
    );
    expect(unnamed).toEqual([]);
  });

  test("nothing above broke the Content-Security-Policy or threw", () => {
    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });
});
