// The district map on the fixture: it loads when opened, draws each district's figure from the
// facts, names districts without one, picks a district into the filter by mouse and keyboard,
// and exports like the other charts.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../scripts/data-files.ts";
import { describe, expect, inject, test } from "vitest";
import type { Page } from "playwright-core";
import {
  SCREENSHOTS,
  chartReady,
  fixtureUrl,
  redraw,
  search,
  useWatchedPage,
  type WatchedPage,
} from "./helpers.ts";

const baseUrl = inject("baseUrl");
let watched: WatchedPage;
let page: Page;
useWatchedPage((w) => {
  watched = w;
  page = w.page;
});

interface MapItem {
  name: string;
  value: number | null;
  itemStyle: { areaColor: string };
}

/** What the map draws, read from the ECharts instance the wrapper puts on its element. */
const drawnItems = () =>
  page.evaluate(() => {
    const element = document.querySelector('[data-testid="chart"]') as HTMLElement & {
      chart: { getOption: () => { series: { type: string; data: unknown[] }[] } };
    };
    const series = element.chart.getOption().series[0]!;
    return { type: series.type, data: series.data as MapItem[] };
  });

/** The pixel position of a longitude and latitude on the map, in page coordinates. */
const pixelOf = (lng: number, lat: number) =>
  page.evaluate(
    ({ lng, lat }) => {
      const element = document.querySelector('[data-testid="chart"]') as HTMLElement & {
        chart: { convertToPixel: (finder: object, value: number[]) => number[] };
      };
      const [x, y] = element.chart.convertToPixel({ seriesIndex: 0 }, [lng, lat]);
      const box = element.getBoundingClientRect();
      return { x: box.left + x!, y: box.top + y!, localX: x!, localY: y! };
    },
    { lng, lat },
  );

/** The colour drawn on the chart's canvas at a local CSS pixel. */
const canvasColor = (x: number, y: number) =>
  page.evaluate(
    ({ x, y }) => {
      const canvas = document.querySelector('[data-testid="chart"] canvas') as HTMLCanvasElement;
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      const [r, g, b] = canvas
        .getContext("2d")!
        .getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data;
      return `#${[r, g, b].map((c) => c!.toString(16).padStart(2, "0")).join("")}`;
    },
    { x, y },
  );

const boundaryLoaded = () =>
  page.evaluate(() =>
    performance.getEntriesByType("resource").some((e) => /\/440700[^/]*\.js$/.test(e.name)),
  );

// Centres of districts in the boundary file (its "cp" property).
const TAISHAN = [112.794065, 22.251924] as const;
const XINHUI = [113.034187, 22.4583] as const;

describe("district map", () => {
  test("opens from its tab, loading the boundaries only then", async () => {
    await page.goto(fixtureUrl(baseUrl, "indicators.csv", "indicator=gdp"));
    await chartReady(page);
    expect(await boundaryLoaded()).toBe(false);
    await page.getByRole("tab", { name: "地图" }).click();
    await chartReady(page);
    expect(search(page.url()).get("view")).toBe("map");
    expect(await boundaryLoaded()).toBe(true);
    const { type, data } = await drawnItems();
    expect(type).toBe("map");
    expect(data.map((d) => d.name).sort()).toEqual(
      ["enping", "heshan", "jianghai", "kaiping", "pengjiang", "taishan", "xinhui"].sort(),
    );
  });

  test("a district's value is the fact's, and its colour is drawn where it lies", async () => {
    const { data } = await drawnItems();
    const taishan = data.find((d) => d.name === "taishan")!;
    // 台山 GDP 2021: 50323000000 yuan in the fixture, drawn in 亿元.
    expect(taishan.value).toBe(503.23);
    expect(await page.getByTestId("map-period").inputValue()).toBe("2021");
    const at = await pixelOf(TAISHAN[0], TAISHAN[1] - 0.12);
    expect(await canvasColor(at.localX, at.localY)).toBe(taishan.itemStyle.areaColor);
    await page.screenshot({ path: join(SCREENSHOTS, "map.png") });
  });

  test("a district without a figure is drawn grey and named 无数据", async () => {
    const { data } = await drawnItems();
    const kaiping = data.find((d) => d.name === "kaiping")!;
    expect(kaiping.value === null || Number.isNaN(kaiping.value)).toBe(true);
    const button = page.getByTestId("map-districts").getByRole("button", { name: /开平市/ });
    await expect.poll(() => button.textContent()).toContain("无数据");
    expect(
      await page
        .getByTestId("map-districts")
        .getByRole("button", { name: /台山市/ })
        .textContent(),
    ).toContain("503.23 亿元");
    // The tooltip says so too, when the pointer is on the district.
    const at = await pixelOf(112.55, 22.33);
    await page.mouse.move(at.x, at.y);
    await expect
      .poll(() => page.locator(".chart div").filter({ hasText: "开平市" }).last().textContent())
      .toContain("无数据");
  });

  test("a click on a district selects it in the filter and the URL", async () => {
    const at = await pixelOf(XINHUI[0], XINHUI[1]);
    await redraw(page, () => page.mouse.click(at.x, at.y));
    expect(search(page.url()).get("regions")).toBe("xinhui");
    const filter = page.getByTestId("region-filter");
    expect(await filter.getByRole("checkbox", { name: "新会区" }).isChecked()).toBe(true);
    expect(await filter.getByRole("checkbox", { name: "台山市" }).isChecked()).toBe(false);
    // The map still shows every district, the picked one outlined.
    expect((await drawnItems()).data).toHaveLength(7);
    await page.goBack();
    await chartReady(page);
    expect(search(page.url()).get("regions")).toBeNull();
  });

  test("the keyboard does the same through the district buttons", async () => {
    const button = page.getByTestId("map-districts").getByRole("button", { name: /鹤山市/ });
    await button.focus();
    await redraw(page, () => page.keyboard.press("Enter"));
    expect(search(page.url()).get("regions")).toBe("heshan");
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    await redraw(page, () => page.keyboard.press("Enter"));
    expect(search(page.url()).get("regions")).toBeNull();
    expect(await button.getAttribute("aria-pressed")).toBe("false");
  });

  test("exports a PNG with the map drawn, and an SVG", async () => {
    const exportPanel = page.getByTestId("export");
    await exportPanel.getByLabel("格式").selectOption("png-1");
    const [file] = await Promise.all([
      page.waitForEvent("download", { timeout: 30_000 }),
      exportPanel.getByRole("button", { name: "下载", exact: true }).click(),
    ]);
    const png = readFileSync((await file.path())!);
    expect(file.suggestedFilename()).toMatch(/\.png$/);
    writeFileSync(join(SCREENSHOTS, "map-export.png"), png);
    const decoded = await page.evaluate(
      async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext("2d")!;
        context.drawImage(image, 0, 0);
        const data = context.getImageData(0, 0, image.width, image.height).data;
        let inked = 0;
        let blue = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) inked++;
          // The one district with a figure, in the scale's blue.
          if (data[i + 2]! > data[i]! + 60) blue++;
        }
        return { width: image.width, inked, blue };
      },
      `data:image/png;base64,${png.toString("base64")}`,
    );
    expect(decoded.width).toBeGreaterThan(300);
    expect(decoded.inked).toBeGreaterThan(5000);
    expect(decoded.blue).toBeGreaterThan(1000);

    await exportPanel.getByLabel("格式").selectOption("svg");
    const [svgFile] = await Promise.all([
      page.waitForEvent("download", { timeout: 30_000 }),
      exportPanel.getByRole("button", { name: "下载", exact: true }).click(),
    ]);
    const svg = readFileSync((await svgFile.path())!, "utf8");
    expect(svg).toContain("<svg");
    expect(svg).toContain("台山市");
    expect(svg).toContain("无数据");
  });

  test("?geo= names another boundary file; features match by adcode, not name or order", async () => {
    // Two districts only, in reverse order, each carrying the other's name: only the adcode
    // (the feature id) says which is which.
    const file = join(ROOT, "src/map/geodata/440700.geojson");
    const geo = JSON.parse(readFileSync(file, "utf8")) as {
      features: { id: string; properties: { name: string } }[];
    };
    const taishan = geo.features.find((f) => f.id === "440781")!;
    const xinhui = geo.features.find((f) => f.id === "440705")!;
    [taishan.properties.name, xinhui.properties.name] = ["新会区", "台山市"];
    writeFileSync(
      join(ROOT, "test-output/dist/fixtures/two-districts.geojson"),
      JSON.stringify({ type: "FeatureCollection", features: [taishan, xinhui] }),
    );
    await page.goto(
      fixtureUrl(
        baseUrl,
        "indicators.csv",
        "indicator=gdp&view=map&geo=/fixtures/two-districts.geojson",
      ),
    );
    await chartReady(page);
    const { data } = await drawnItems();
    expect(data.map((d) => [d.name, Number.isFinite(d.value) ? d.value : "none"])).toEqual([
      ["xinhui", "none"],
      ["taishan", 503.23],
    ]);
    const at = await pixelOf(TAISHAN[0], TAISHAN[1] - 0.12);
    expect(await canvasColor(at.localX, at.localY)).toBe(data[1]!.itemStyle.areaColor);
    expect(await boundaryLoaded()).toBe(false);
  });

  test("no page errors and no CSP violations", () => {
    expect(watched.pageErrors).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
  });
});
