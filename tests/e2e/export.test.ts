// Image export and CSV download: what lands on disk, checked byte by byte.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, inject, test } from "vitest";
import type { Page } from "playwright-core";
import {
  SCREENSHOTS,
  chartReady,
  fixtureUrl,
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

async function download(action: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), action()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** Reads one pixel of a PNG by drawing it in the page (data: images are allowed by the CSP). */
const pixel = (png: Buffer, x: number, y: number) =>
  page.evaluate(
    async ({ src, x, y }) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      return [...context.getImageData(x, y, 1, 1).data];
    },
    { src: `data:image/png;base64,${png.toString("base64")}`, x, y },
  );

describe("export", () => {
  test("PNG at 1×, 2× and 3×: signature, width = scale × chart width, fonts loaded first", async () => {
    await page.goto(fixtureUrl(baseUrl, "indicators.csv", "indicator=project_investment"));
    await chartReady(page);
    const chartWidth = Math.round((await page.getByTestId("chart").boundingBox())!.width);
    const format = page.getByTestId("export").getByLabel("格式");
    for (const scale of [1, 2, 3]) {
      await format.selectOption(`png-${scale}`);
      const { name, bytes } = await download(() =>
        page.getByTestId("export").getByRole("button", { name: "下载", exact: true }).click(),
      );
      expect(name).toMatch(new RegExp(`@${scale}x\\.png$`));
      expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(pngSize(bytes).width).toBe(scale * chartWidth);
      if (scale === 2) writeFileSync(join(SCREENSHOTS, "export@2x.png"), bytes);
      if (scale === 1) {
        // Opaque white background by default; the title block sits above the plot.
        expect(await pixel(bytes, 2, 2)).toEqual([255, 255, 255, 255]);
      }
    }
    const fonts = await page.evaluate(() => ({
      check: document.fonts.check('14px "Noto Sans SC"', "江门"),
      ready: document.documentElement.dataset.fontsReady,
    }));
    expect(fonts).toEqual({ check: true, ready: "true" });
  });

  test("transparent PNG keeps an alpha of 0 where nothing is drawn", async () => {
    const exportPanel = page.getByTestId("export");
    await exportPanel.getByLabel("格式").selectOption("png-1");
    await exportPanel.getByLabel("透明背景").check();
    const { bytes } = await download(() =>
      exportPanel.getByRole("button", { name: "下载", exact: true }).click(),
    );
    expect((await pixel(bytes, 2, 2))[3]).toBe(0);
    await exportPanel.getByLabel("透明背景").uncheck();
  });

  test("SVG carries the title, unit, districts, period and source line", async () => {
    await page.getByTestId("export").getByLabel("格式").selectOption("svg");
    const { name, bytes } = await download(() =>
      page.getByTestId("export").getByRole("button", { name: "下载", exact: true }).click(),
    );
    expect(name).toMatch(/\.svg$/);
    const svg = bytes.toString("utf8");
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("项目投资额（亿元）");
    expect(svg).toContain("新会区");
    expect(svg).toContain("2018/2022 — 2023-07");
    expect(svg).toContain("数据来源");
    expect(svg).toContain("羊城晚报 2022-05");
    expect(svg).toContain("Noto Sans SC");
  });

  test("the comparison view exports too", async () => {
    await page.getByRole("tab", { name: /地区对比/ }).click();
    await chartReady(page);
    await page.getByTestId("export").getByLabel("格式").selectOption("png-2");
    const { bytes } = await download(() =>
      page.getByTestId("export").getByRole("button", { name: "下载", exact: true }).click(),
    );
    const chartWidth = Math.round((await page.getByTestId("chart").boundingBox())!.width);
    expect(pngSize(bytes).width).toBe(2 * chartWidth);
    await page.screenshot({ path: join(SCREENSHOTS, "export-compare.png") });
  });

  test("CSV download of the view neutralises formulas but keeps negative numbers", async () => {
    await page.goto(fixtureUrl(baseUrl, "hostile.csv", "indicator=project_investment&view=table"));
    await page.locator('[data-testid="table"][data-ready="true"]').waitFor();
    const { name, bytes } = await download(() =>
      page.getByRole("button", { name: "下载 CSV" }).click(),
    );
    expect(name).toMatch(/\.csv$/);
    const text = bytes.toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.length).toBe(14);
    const formula = rows.find((r) => r.id === "formula")!;
    expect(formula.subject).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(formula.quote).toBe(`'+cmd|' /C calc'!A0`);
    expect(formula.value).toBe("-2.4");
    for (const row of rows) {
      for (const value of Object.values(row)) {
        if (value !== "-2.4") expect(value).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  test("no CSP violation or page error along the way", () => {
    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });
});
