// One page per district, on the shipped data: opened from the map and from the filter, its latest
// figure the fact's, its report count opening the article with the number marked, its address
// restoring it, Back leaving it, and its image export drawn under the district's name.
import { readFileSync } from "node:fs";
import { describe, expect, inject, test } from "vitest";
import type { Page } from "playwright-core";
import { chartReady, search, useWatchedPage, type WatchedPage } from "./helpers.ts";

const baseUrl = inject("baseUrl");
let watched: WatchedPage;
let page: Page;
useWatchedPage((w) => {
  watched = w;
  page = w.page;
});

/** The shipped facts of 台山 GDP 2021, as the data file states them. */
const shipped = readFileSync(new URL("../../data/indicators.csv", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.includes(",gdp,taishan,2021,"));

const gdpRow = () => page.getByTestId("district-page").locator('tr[data-indicator="gdp"]');

describe("district page", () => {
  test("opens in one click from the map's district list", async () => {
    // The shipped data states 台山 GDP 2021 as 503.23亿元 (and once as 突破500亿元).
    expect(shipped.some((l) => l.includes(",50323000000,CNY,exact,actual,"))).toBe(true);
    await page.goto(`${baseUrl}?indicator=gdp&view=map`);
    await chartReady(page);
    await page.getByTestId("map-districts").getByRole("link", { name: "台山市概况" }).click();
    await page.getByTestId("district-page").waitFor();
    expect(search(page.url()).get("view")).toBe("district");
    expect(search(page.url()).get("district")).toBe("taishan");
    expect(await page.getByTestId("district-title").textContent()).toContain("台山市");
  });

  test("shows the latest district-wide figure: the fact's value, period and growth", async () => {
    await expect.poll(() => gdpRow().getByTestId("latest").textContent()).toBe("2021 503.23 亿元");
    expect(await gdpRow().getByTestId("growth").textContent()).toBe("+8.5%");
    // An indicator without a figure is listed as such, not left out.
    const empty = page.getByTestId("district-page").locator('tr[data-empty="true"]');
    expect(await empty.count()).toBeGreaterThan(0);
    expect(await empty.first().getByTestId("latest").textContent()).toBe("暂无数据");
  });

  test("its report count opens the sources with the fact's number marked", async () => {
    const reports = gdpRow().getByTestId("reports").first();
    // Two facts (突破500亿元, 503.23亿元) but one article: one report.
    expect(await reports.textContent()).toBe("1 篇报道");
    await reports.click();
    const dialog = page.getByTestId("sources");
    await dialog.locator("mark.number").first().waitFor();
    const marks = await dialog.locator("mark.number").allTextContents();
    // The newest exact report first, then the other one; each its fact's text.
    expect(marks).toEqual(["503.23亿元", "突破500亿元"]);
    await dialog.getByRole("button", { name: "关闭" }).click();
    await dialog.waitFor({ state: "detached" });
  });

  test("the address restores the page after a reload, and Back returns to the map", async () => {
    await page.reload();
    await page.getByTestId("district-page").waitFor();
    await expect.poll(() => gdpRow().getByTestId("latest").textContent()).toBe("2021 503.23 亿元");
    await page.goBack();
    await chartReady(page);
    expect(search(page.url()).get("view")).toBe("map");
    expect(await page.getByTestId("district-page").count()).toBe(0);
  });

  test("opens from the link beside a district's name in the filter", async () => {
    await page.getByTestId("region-filter").getByRole("link", { name: "新会区概况" }).click();
    await page.getByTestId("district-page").waitFor();
    expect(search(page.url()).get("district")).toBe("xinhui");
    expect(await page.getByTestId("district-title").textContent()).toContain("新会区");
    await page.goBack();
    await chartReady(page);
    expect(search(page.url()).get("view")).toBe("map");
  });

  test("opens from a table row's region cell without opening the row's sources", async () => {
    await page.goto(`${baseUrl}?indicator=gdp&view=table`);
    await page.locator('[data-testid="table"][data-ready="true"]').waitFor();
    await page.getByTestId("table").getByRole("link", { name: "台山市概况" }).first().click();
    await page.getByTestId("district-page").waitFor();
    expect(search(page.url()).get("district")).toBe("taishan");
    expect(await page.getByTestId("sources").count()).toBe(0);
  });

  test("exports a PNG titled with the district's name, drawn", async () => {
    const [file] = await Promise.all([
      page.waitForEvent("download", { timeout: 30_000 }),
      page.getByTestId("export").getByRole("button", { name: "下载", exact: true }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^taishan@2x\.png$/);
    const png = readFileSync(await file.path());
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const drawn = await page.evaluate(
      async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const context = canvas.getContext("2d")!;
        context.drawImage(img, 0, 0);
        const count = (x: number, y: number, w: number, h: number) => {
          const data = context.getImageData(x, y, w, h).data;
          let n = 0;
          for (let i = 0; i < data.length; i += 4)
            if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) n++;
          return n;
        };
        return {
          width: img.naturalWidth,
          title: count(0, 0, 400, 100),
          body: count(0, 130, img.naturalWidth, img.naturalHeight - 200),
        };
      },
      `data:image/png;base64,${png.toString("base64")}`,
    );
    expect(drawn.width).toBe(1600);
    expect(drawn.title).toBeGreaterThan(200);
    expect(drawn.body).toBeGreaterThan(1000);
    expect(watched.pageErrors).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
  });

  test("lists figures about subjects, each named, where a district has no district-wide one", async () => {
    await page.goto(`${baseUrl}?view=district&district=jianghai`);
    const table = page.getByTestId("district-page");
    await table.waitFor();
    const firms = table.locator('tr[data-indicator="enterprise_count"]');
    await expect.poll(() => firms.getAttribute("data-subjects")).toBe("true");
    const figures = await firms.getByTestId("subject-figure").allTextContents();
    expect(figures).toContain("2023-07 规模以上企业 145 家");
    expect(await firms.getByTestId("latest").textContent()).not.toContain("暂无数据");
    // 江海区's project investment is only ever about kinds of project (重点建设项目, 亿元以上产业项目).
    const projects = table.locator('tr[data-indicator="project_investment"]');
    expect(await projects.getAttribute("data-subjects")).toBe("true");
    expect(await projects.getByTestId("subject-figure").allTextContents()).toContain(
      "2023 亿元以上产业项目 294.6 亿元",
    );
    // District-wide rows first, then rows of subject figures, then empty rows.
    const ranks = await table
      .locator("tbody tr")
      .evaluateAll((rows) =>
        rows.map((r) =>
          r.getAttribute("data-empty") ? 2 : r.getAttribute("data-subjects") ? 1 : 0,
        ),
      );
    expect(ranks).toEqual([...ranks].sort());
    // Each listed figure's report count opens its article with that number marked.
    const index = figures.indexOf("2023-07 规模以上企业 145 家");
    await firms.getByTestId("reports").nth(index).click();
    const dialog = page.getByTestId("sources");
    await dialog.locator("mark.number").first().waitFor();
    expect(await dialog.locator("mark.number").first().textContent()).toMatch(/^145/);
    await dialog.getByRole("button", { name: "关闭" }).click();
    await dialog.waitFor({ state: "detached" });
  });
});
