// What the chart draws, read from the chart itself: one figure per point, periods placed by time,
// disagreements marked, the sources view reading GB18030 and .md articles, and back/forward.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, inject, test } from "vitest";
import type { Page } from "playwright-core";
import { ROOT } from "../../scripts/data-files.ts";
import { FACT_COLUMNS } from "../../extract/lib/types.ts";
import {
  chartReady,
  fixtureUrl,
  search,
  tableReady,
  useWatchedPage,
  type WatchedPage,
} from "./helpers.ts";
import { encodeGbk } from "../gbk.ts";
import { SERVED_DATA } from "./servedData.ts";

const baseUrl = inject("baseUrl");
// Written after the build, beside it: a fixture CSV and the articles it cites.
beforeAll(() => writeFixtures());
let watched: WatchedPage;
let page: Page;
useWatchedPage((w) => {
  watched = w;
  page = w.page;
});

const GBK_TEXT = "江门日报讯 2024年全市地区生产总值达到4321.5亿元,同比增长5.1%。";
const MD_TEXT = "# 江门蓬江\n\n- 2024年蓬江区固定资产投资为88亿元,增长较快。\n";

type Row = Partial<Record<(typeof FACT_COLUMNS)[number], string | number>>;
const row = (r: Row) => ({
  id: `r${Math.random().toString(36).slice(2)}`,
  unit: "CNY",
  qualifier: "exact",
  kind: "actual",
  subject: "",
  published: "2024-03",
  text: "",
  quote: "",
  start: "",
  end: "",
  ...r,
});
const at = (text: string, number: string) => ({
  text: number,
  start: text.indexOf(number),
  end: text.indexOf(number) + number.length,
});

function writeFixtures(): void {
  const dist = join(ROOT, "test-output/dist");
  mkdirSync(join(SERVED_DATA, "raw"), { recursive: true });
  mkdirSync(join(dist, "fixtures"), { recursive: true });
  // Articles are served from the live data folder only: these go into the served copy of data/.
  writeFileSync(join(SERVED_DATA, "raw/e2e-gbk.txt"), encodeGbk(GBK_TEXT));
  writeFileSync(join(SERVED_DATA, "raw/e2e-md.md"), MD_TEXT);
  const gdp = (period: string, value: number, more: Row = {}) =>
    row({
      indicator: "gdp",
      region: "xinhui",
      period,
      value: value * 1e8,
      source: "e2e-x",
      ...more,
    });
  const rows = [
    row({
      indicator: "gdp",
      region: "jiangmen",
      period: "2024",
      value: 432150000000,
      source: "e2e-gbk",
      quote: "2024年全市地区生产总值达到4321.5亿元,同比增长5.1%。",
      ...at(GBK_TEXT, "4321.5亿元"),
    }),
    row({
      indicator: "fixed_asset_investment",
      region: "pengjiang",
      period: "2024",
      value: 8800000000,
      source: "e2e-md",
      quote: "- 2024年蓬江区固定资产投资为88亿元,增长较快。",
      ...at(MD_TEXT, "88亿元"),
    }),
    gdp("2019", 100),
    gdp("2021", 120, { source: "e2e-a", published: "2022-03" }),
    gdp("2021", 128, { source: "e2e-b", published: "2022-06" }),
    gdp("2022", 130),
    gdp("2022-Q1", 30),
    gdp("2022-Q2", 32),
    gdp("2022-01/2022-05", 50),
    gdp("2023-01/2023-05", 55),
    gdp("2022", 40, { subject: "某产业园" }),
  ];
  writeFileSync(
    join(dist, "fixtures/figures.csv"),
    Papa.unparse({
      fields: [...FACT_COLUMNS],
      data: rows.map((r) => FACT_COLUMNS.map((c) => r[c as keyof typeof r] ?? "")),
    }),
  );
}

interface Drawn {
  series: string;
  type: string;
  silent: boolean;
  point: number | null;
  value: number;
  /** Time on the axis (ms), and where it is drawn (CSS pixels). */
  time: number;
  x: number;
  y: number;
  symbol: string | null;
}

/** Every item the chart draws: its series, value, time and pixel position, from ECharts itself. */
const drawn = (): Promise<Drawn[]> =>
  page.locator('[data-testid="chart"]').evaluate((element) => {
    type Data = {
      count: () => number;
      getRawDataItem: (i: number) => unknown;
      getItemGraphicEl: (i: number) => { getSymbolType?: () => string } | undefined;
    };
    type SeriesModel = {
      name: string;
      subType: string;
      get: (k: string) => unknown;
      getData: () => Data;
    };
    const chart = (
      element as unknown as {
        chart: {
          getModel: () => { eachSeries: (f: (s: SeriesModel) => void) => void };
          convertToPixel: (finder: object, value: number[]) => number[];
        };
      }
    ).chart;
    const out: Drawn[] = [];
    chart.getModel().eachSeries((s) => {
      const data = s.getData();
      for (let i = 0; i < data.count(); i++) {
        const raw = data.getRawDataItem(i);
        const tuple = (Array.isArray(raw) ? raw : (raw as { value: number[] }).value) as number[];
        // Where the axes put the item, and the symbol drawn for it.
        const [x, y] = chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [
          tuple[0]!,
          tuple[1]!,
        ]);
        out.push({
          series: s.name,
          type: s.subType,
          silent: s.get("silent") === true,
          point: Number.isInteger(tuple[2]) ? tuple[2]! : null,
          value: tuple[1]!,
          time: tuple[0]!,
          x: x!,
          y: y!,
          symbol: data.getItemGraphicEl(i)?.getSymbolType?.() ?? null,
        });
      }
    });
    return out;
  });

const points = async (series?: string) =>
  (await drawn()).filter((d) => !d.silent && d.point !== null && (!series || d.series === series));

describe("what the chart draws", () => {
  test("a region's line is its region-wide figures; parts only as named markers", async () => {
    await page.goto(
      fixtureUrl(baseUrl, "indicators.csv", "indicator=trade_growth&regions=jiangmen"),
    );
    await chartReady(page);
    // Only figures about partners: they are shown, and a line says they are not totals.
    await expect(page.getByTestId("only-subjects").textContent()).resolves.toContain(
      "不是地区总量",
    );
    const parts = await points();
    expect(parts.map((p) => p.value).sort((a, b) => a - b)).toEqual([6, 7.4, 8, 14]);
    expect(new Set(parts.map((p) => p.type))).toEqual(new Set(["scatter"]));
    expect(new Set(parts.map((p) => p.series))).toEqual(new Set(["江门市 · 分项"]));

    // 江海 2023-07: 1681 新一代电子信息企业 and 145 规上企业 are two figures, not one.
    await page.goto(
      fixtureUrl(baseUrl, "indicators.csv", "indicator=enterprise_count&regions=jianghai"),
    );
    await chartReady(page);
    expect((await points()).map((p) => p.value).sort((a, b) => a - b)).toEqual([145, 1681]);
  });

  test("beside region-wide figures, parts start hidden and a control shows them", async () => {
    await page.goto(fixtureUrl(baseUrl, "figures.csv", "indicator=gdp&regions=xinhui"));
    await chartReady(page);
    expect(new Set((await points()).map((p) => p.series))).toEqual(
      new Set(["新会区", "数值不一致"]),
    );
    await page.getByTestId("subjects").check();
    await chartReady(page);
    const parts = await points("新会区 · 分项");
    expect(parts.map((p) => p.value)).toEqual([40]);
    expect(search(page.url()).get("subjects")).toBe("1");
    await page.getByTestId("subjects").uncheck();
    await chartReady(page);
  });

  test("years sit by time on the axis: a missing year is a visible gap, not a neighbour", async () => {
    await expect(page.getByTestId("frequency").inputValue()).resolves.toBe("year");
    const line = (await drawn()).filter(
      (d) => d.series === "新会区" && d.type === "line" && !d.silent,
    );
    // 2019, (break), 2021, 2022: the line is not drawn across the missing 2020.
    expect(line.map((d) => (d.point === null ? "gap" : d.value))).toEqual([100, "gap", 128, 130]);
    const [y2019, , y2021, y2022] = line;
    expect(y2019!.x).toBeLessThan(y2021!.x);
    expect(y2021!.x).toBeLessThan(y2022!.x);
    // Two years from 2019 to 2021 take twice the room of the one from 2021 to 2022.
    expect((y2021!.x - y2019!.x) / (y2022!.x - y2021!.x)).toBeCloseTo(2, 1);
  });

  test("the frequency control offers the indicator's frequencies and joins like with like", async () => {
    const options = await page.getByTestId("frequency").locator("option").allTextContents();
    expect(options.map((o) => o.split(" ·")[0])).toEqual(["年度", "季度", "年初至今"]);
    await page.getByTestId("frequency").selectOption("ytd");
    await chartReady(page);
    expect(search(page.url()).get("freq")).toBe("ytd");
    const ytd = await points("新会区");
    expect(ytd.map((p) => p.value)).toEqual([50, 55]);
    expect(ytd[0]!.x).toBeLessThan(ytd[1]!.x);
    await page.getByTestId("frequency").selectOption("quarter");
    await chartReady(page);
    const quarters = await points("新会区");
    expect(quarters.map((p) => p.value)).toEqual([30, 32]);
  });

  test("back and forward restore the view", async () => {
    const quarterUrl = page.url();
    await page.getByRole("tab", { name: /数据表/ }).click();
    await tableReady(page);
    await page.getByLabel("搜索表格").fill("2021");
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="table"] tbody tr').length === 2,
    );
    await page.getByTestId("table").getByRole("button", { name: /数值/ }).click();
    await tableReady(page);
    expect(search(page.url()).get("q")).toBe("2021");
    expect(search(page.url()).get("sort")).toBe("value");
    const tableUrl = page.url();

    await page.goBack(); // the sort undone
    await tableReady(page);
    expect(search(page.url()).get("sort")).toBeNull();
    await expect(page.getByLabel("搜索表格").inputValue()).resolves.toBe("2021");
    await page.goBack(); // the search undone
    await page.goBack(); // back to the chart, quarters
    await chartReady(page);
    expect(page.url()).toBe(quarterUrl);
    await expect(page.getByTestId("frequency").inputValue()).resolves.toBe("quarter");
    await page.goBack(); // year-to-date
    await chartReady(page);
    await expect(page.getByTestId("frequency").inputValue()).resolves.toBe("ytd");
    for (let i = 0; i < 3; i++) await page.goForward();
    await tableReady(page);
    await page.goForward();
    await tableReady(page);
    expect(page.url()).toBe(tableUrl);
    await expect(page.getByLabel("搜索表格").inputValue()).resolves.toBe("2021");
    await expect(
      page.getByTestId("table").locator("th[aria-sort=ascending]").textContent(),
    ).resolves.toContain("数值");
  });
});

describe("reports that disagree", () => {
  test("the point is marked in the chart and tooltip, the newest exact report drawn", async () => {
    await page.goto(fixtureUrl(baseUrl, "figures.csv", "indicator=gdp&regions=xinhui"));
    await chartReady(page);
    const y2021 = (await points("新会区")).find(
      (p) => p.time < Date.UTC(2022, 0, 1) && p.time > Date.UTC(2021, 0, 1),
    )!;
    expect(y2021.value).toBe(128); // the newest exact report
    // A red diamond drawn over exactly that point, and no other.
    const marks = await points("数值不一致");
    expect(marks.map((m) => [m.point, m.symbol, Math.round(m.x), Math.round(m.y)])).toEqual([
      [y2021.point, "diamond", Math.round(y2021.x), Math.round(y2021.y)],
    ]);
    const box = (await page.getByTestId("chart").boundingBox())!;
    const y = y2021.y;
    await page.mouse.move(box.x + y2021.x, box.y + y);
    const tooltip = page.locator("[data-testid=chart] div", { hasText: "数值不一致" }).first();
    await tooltip.waitFor();
    await expect(tooltip.textContent()).resolves.toContain("2 篇报道");

    await page.mouse.click(box.x + y2021.x, box.y + y);
    const dialog = page.getByTestId("sources");
    // The dialog opens before its reports are listed: wait for the two, not for the empty table.
    const values = dialog.getByTestId("report-values").locator("td.number");
    await expect
      .poll(async () => (await values.allTextContents()).map((v) => v.trim()).sort(), {
        timeout: 10_000,
      })
      .toEqual(["120 亿元", "128 亿元"]);
    await dialog.getByRole("button", { name: "关闭" }).click();
  });

  test("the table filters to disagreements only", async () => {
    await page.getByRole("tab", { name: /数据表/ }).click();
    await tableReady(page);
    const rows = page.getByTestId("table").locator("tbody tr");
    await expect(rows.count()).resolves.toBe(9);
    await page.getByTestId("disputed").check();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="table"] tbody tr').length === 2,
    );
    expect(search(page.url()).get("disputed")).toBe("1");
  });
});

describe("the sources view reads articles as the extractor does", () => {
  test("a GB18030 article and an .md article without a sources.csv line are highlighted", async () => {
    for (const [query, number] of [
      ["indicator=gdp&regions=jiangmen&view=table", "4321.5亿元"],
      ["indicator=fixed_asset_investment&regions=pengjiang&view=table", "88亿元"],
    ] as const) {
      await page.goto(fixtureUrl(baseUrl, "figures.csv", query));
      await tableReady(page);
      const expected = number === "88亿元" ? "江门蓬江" : GBK_TEXT;
      // The table names it by that first line too, fetched; the file id is its tooltip.
      const name = page.getByTestId("table").getByTestId("article-name").first();
      await expect.poll(() => name.textContent()).toBe(`《${expected}》`);
      expect(await name.getAttribute("title")).toMatch(/^e2e-(md|gbk)$/);
      await page.getByTestId("table").getByRole("button", { name: "查看原文" }).first().click();
      const dialog = page.getByTestId("sources");
      await dialog.locator("mark.number").waitFor();
      await expect(dialog.locator("mark.number").textContent()).resolves.toBe(number);
      // No sources.csv line: the article's first line names it, Markdown marks left out.
      const title = (await dialog.getByTestId("source-title").textContent())?.trim();
      expect(title).toBe(expected);
      await expect(dialog.locator(".article-text").textContent()).resolves.toContain("江门");
      await dialog.getByRole("button", { name: "关闭" }).click();
      await dialog.waitFor({ state: "detached" });
    }
  });

  test("no CSP violation or page error along the way", () => {
    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });
});
