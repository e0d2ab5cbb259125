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

/** How many pixels of a region of an image are drawn (not white, not transparent). */
const inked = (
  image: Buffer,
  box: { x: number; y: number; width: number; height: number },
  type = "image/png",
) =>
  page.evaluate(
    async ({ src, box }) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth || box.x + box.width;
      canvas.height = img.naturalHeight || box.y + box.height;
      const context = canvas.getContext("2d")!;
      context.drawImage(img, 0, 0);
      const data = context.getImageData(box.x, box.y, box.width, box.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i + 3]! > 0 && (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200)) n++;
      return n;
    },
    { src: `data:${type};base64,${image.toString("base64")}`, box },
  );

describe("export", () => {
  test("PNG at 1×, 2× and 3×: signature, width = scale × chart width, fonts loaded first", async () => {
    await page.goto(fixtureUrl(baseUrl, "indicators.csv", "indicator=project_investment"));
    await chartReady(page);
    const chartBox = (await page.getByTestId("chart").boundingBox())!;
    const chartWidth = Math.round(chartBox.width);
    const chartHeight = Math.round(chartBox.height);
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
      expect(pngSize(bytes).height).toBe(scale * (chartHeight + 100));
      if (scale === 1) {
        // Opaque white background by default; the title block sits above the plot.
        expect(await pixel(bytes, 2, 2)).toEqual([255, 255, 255, 255]);
        // Decoded: the title band and the plot area hold drawn (non-white) pixels.
        expect(await inked(bytes, { x: 0, y: 0, width: 300, height: 60 })).toBeGreaterThan(200);
        expect(
          await inked(bytes, { x: 60, y: 130, width: chartWidth - 100, height: chartHeight - 120 }),
        ).toBeGreaterThan(200);
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

  test("SVG is well-formed XML and carries its font pieces as @font-face data", async () => {
    await page.getByTestId("export").getByLabel("格式").selectOption("svg");
    const { name, bytes } = await download(() =>
      page.getByTestId("export").getByRole("button", { name: "下载", exact: true }).click(),
    );
    expect(name).toMatch(/\.svg$/);
    const svg = bytes.toString("utf8");
    expect(svg).toContain("项目投资额（亿元）");
    expect(svg).toContain("数据来源");
    expect(svg).toContain("羊城晚报 2022-05");
    // The font travels inside: @font-face pieces as data, and the text names that family.
    expect(svg).toMatch(
      /@font-face\{font-family:'Noto Sans SC';[^}]*src:url\(data:font\/woff2;base64,/,
    );
    expect(svg.length).toBeLessThan(3_000_000);

    // Checked in a blank page (the app's CSP would refuse the SVG's inline styles).
    const blank = await page.context().newPage();
    try {
      await blank.goto("about:blank");
      writeFileSync(join(SCREENSHOTS, "export.svg"), svg);
      // A strict XML parser (the browser's, as image/svg+xml) accepts it.
      const parsed = await blank.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, "image/svg+xml");
        const error = doc.getElementsByTagName("parsererror")[0];
        return { error: error?.textContent ?? null, root: doc.documentElement.nodeName };
      }, svg);
      expect(parsed).toEqual({ error: null, root: "svg" });

      // Drawn as an image, as another program would open it: with its embedded pieces the text
      // has ink; the same SVG without them draws its Chinese differently (the test browser has no
      // CJK font of its own), so the glyphs on the first image are the embedded font's.
      const bare = svg.replace(/<defs><style>[\s\S]*?<\/style><\/defs>/, "");
      expect(bare.length).toBeLessThan(svg.length / 2);
      const drawn = await blank.evaluate(
        async ({ withFont, withoutFont }) => {
          const render = async (text: string) => {
            const img = new Image();
            img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(text)))}`;
            document.body.append(img);
            await img.decode();
            const canvas = document.createElement("canvas");
            canvas.width = img.naturalWidth;
            canvas.height = img.naturalHeight;
            const context = canvas.getContext("2d")!;
            const draw = () => {
              context.fillStyle = "#fff";
              context.fillRect(0, 0, canvas.width, canvas.height);
              context.drawImage(img, 0, 0);
              const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
              let ink = 0;
              for (let i = 0; i < data.length; i += 4) if (data[i]! < 200) ink++;
              return { data, ink };
            };
            // The image's own fonts load after it decodes (text waits invisible meanwhile, as a
            // viewer's first paint would): draw until the ink stops changing.
            let last = draw();
            for (let tries = 0; tries < 40; tries++) {
              await new Promise((resolve) => setTimeout(resolve, 250));
              const next = draw();
              if (next.ink === last.ink && next.ink > 0) break;
              last = next;
            }
            return { data: last.data, canvas };
          };
          const a = await render(withFont);
          const b = await render(withoutFont);
          let inked = 0;
          let differing = 0;
          for (let i = 0; i < a.data.length; i += 4) {
            if (a.data[i]! < 200) inked++;
            if (Math.abs(a.data[i]! - b.data[i]!) > 60) differing++;
          }
          return { inked, differing, png: a.canvas.toDataURL("image/png") };
        },
        { withFont: svg, withoutFont: bare },
      );
      writeFileSync(
        join(SCREENSHOTS, "export-svg-drawn.png"),
        Buffer.from(drawn.png.split(",")[1]!, "base64"),
      );
      expect(drawn.inked).toBeGreaterThan(2000);
      expect(drawn.differing).toBeGreaterThan(500);
    } finally {
      await blank.close();
    }
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

  test("CSV download neutralises formulas, keeps negative numbers and round-trips", async () => {
    await page.goto(fixtureUrl(baseUrl, "hostile.csv", "indicator=project_investment&view=table"));
    await page.locator('[data-testid="table"][data-ready="true"]').waitFor();
    const { name, bytes } = await download(() =>
      page.getByRole("button", { name: "下载 CSV" }).click(),
    );
    expect(name).toMatch(/\.csv$/);
    const text = bytes.toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parse = (csv: string) =>
      Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
        header: true,
        skipEmptyLines: true,
      }).data;
    const rows = parse(text);
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

    // Opened again in the dashboard: the same facts with the same text, apostrophes gone.
    await page.getByTestId("file-input").setInputFiles({
      name: "downloaded.csv",
      mimeType: "text/csv",
      buffer: bytes,
    });
    await page.getByTestId("data-source").filter({ hasText: "downloaded.csv" }).waitFor();
    await page.locator('[data-testid="table"][data-ready="true"]').waitFor();
    await page.getByLabel("搜索表格").fill("HYPERLINK");
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="table"] tbody tr').length === 1,
    );
    const cells = await page.getByTestId("table").locator("tbody tr td").allTextContents();
    expect(cells).toContain(`=HYPERLINK("http://evil.example","click")`);
    expect(cells).toContain(`+cmd|' /C calc'!A0`);
    await page.getByLabel("搜索表格").fill("");
    await page.locator('[data-testid="table"][data-ready="true"]').waitFor();
    const again = await download(() => page.getByRole("button", { name: "下载 CSV" }).click());
    // The second download is the first: nothing gained or lost on the way round.
    expect(parse(again.bytes.toString("utf8"))).toEqual(rows);
  });

  test("no CSP violation or page error along the way", () => {
    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });
});
