// Keeping articles, as a user does it under `npm start`: an article pasted and a GBK web page
// dropped are saved with 保存文章, are in the dashboard at once, survive a reload and a restart
// of the server, and are removed again with 删除文章 into data/trash/. The page gives the facts
// its article gives as plain text, none from its navigation or related news. Writes from another
// origin, with a foreign Host, without the token or over the limit are refused, data/ unchanged.
// A number added (补录) on a kept article is no longer shown once the article is deleted, as
// `npm run extract` applies it to nothing; reviews.csv keeps it, and it shows again when the same
// page is saved again.
import { spawn, type ChildProcess } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  existsSync,
} from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { ROOT } from "../../scripts/data-files.ts";
import { encodeGbk } from "../gbk.ts";
import { csvRecords } from "../unit/cli/helpers.ts";
import { launchBrowser } from "./browser.ts";
import { chartReady, drawnValues, openPage, selectInArticle, tableReady } from "./helpers.ts";
import { folderBytes } from "../folder.ts";

const DIST = join(ROOT, "test-output", "dist");
const PAGES = join(ROOT, "tests", "fixtures", "pages");
const PASTED =
  "鹤山市经济稳步增长\n\n2024年上半年，鹤山市实现地区生产总值238.6亿元，同比增长5.2%。全市规模以上工业增加值增长7.3%。\n";
const GBK_PAGE = encodeGbk(readFileSync(join(PAGES, "jiangmen-gbk.html"), "utf8"));

/** Drops the GBK page on the article box, as a person drags a saved page from their folder. */
async function dropGbkPage(): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    (b) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(b)], "江门新闻.html", { type: "text/html" }));
      return transfer;
    },
    [...GBK_PAGE],
  );
  await page.getByTestId("article-input").dispatchEvent("dragover", { dataTransfer });
  await page.getByTestId("article-input").dispatchEvent("drop", { dataTransfer });
}
const PAGE_AS_TEXT = readFileSync(join(PAGES, "jiangmen-gbk.txt"), "utf8");
/** A number of the page the extractor does not read (an investment growth of one kind). */
const MISSED = "12.7%";
const MISSED_INDICATOR = "fixed_asset_investment_growth";

const root = mkdtempSync(join(tmpdir(), "jm-keep-e2e-"));
const dataDir = join(root, "data");
let child: ChildProcess | undefined;
let url = "";
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let cspViolations: string[] = [];

/** Starts the write server (again, on the same port when given); resolves with its address. */
function startServer(port = 0): Promise<string> {
  child = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "tests/e2e/write-server-child.ts"), DIST, dataDir, String(port)],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((ok, fail) => {
    let out = "";
    child!.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) ok(out.trim());
    });
    child!.once("exit", (code) => fail(new Error(`server exited (${code}): ${stderr}`)));
  });
}

async function stopServer(): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((ok) => child!.once("exit", ok));
  child.kill();
  await exited;
}

const sourcesCsv = () => readFileSync(join(dataDir, "raw", "sources.csv"), "utf8");
const reviewsCsv = () => readFileSync(join(dataDir, "reviews.csv"), "utf8");
/** The id of the GBK page once saved (the hash of its bytes: the same page, the same id). */
let pageId = "";
const factsCsv = () => readFileSync(join(dataDir, "indicators.csv"), "utf8");
const kept = () => page.getByTestId("kept-articles");

async function openAnalyse(): Promise<void> {
  await page.goto(url);
  await page.getByRole("tab", { name: "分析文章" }).click();
  await kept().waitFor();
}

/** The sidebar's count of loaded facts is the number of rows in data/indicators.csv. */
async function factCountShown(): Promise<void> {
  const rows = csvRecords(factsCsv()).length;
  await page
    .locator(".data-source")
    .filter({ hasText: `${rows} 条事实` })
    .waitFor();
}

/** Waits until the page has applied the decisions over the facts it loaded. */
async function reviewsApplied(): Promise<void> {
  await page.locator('[data-testid="review-bar"]:not([data-applied=""])').waitFor();
}

/** The added number as the table lists it (filtered to added facts) and as the chart draws it. */
async function additionShown(): Promise<{ rows: string[]; drawn: number[] }> {
  await page.goto(`${url}?view=table&indicator=${MISSED_INDICATOR}`);
  await reviewsApplied();
  await tableReady(page);
  await page.getByTestId("review-filter").selectOption("added");
  await tableReady(page);
  const rows = await page.locator("tbody tr").allTextContents();
  await page.goto(`${url}?indicator=${MISSED_INDICATOR}&regions=jiangmen&subjects=1`);
  await reviewsApplied();
  // The shipped data has no such figure for the city: without the added one, nothing to draw.
  await page
    .locator('[data-testid="chart"][data-ready="true"], [data-testid="empty"]')
    .first()
    .waitFor({ timeout: 20_000 });
  if (await page.getByTestId("empty").count()) return { rows, drawn: [] };
  await chartReady(page);
  const drawn = await drawnValues(page);
  return { rows, drawn };
}

async function factsShown(): Promise<string[]> {
  return page
    .getByTestId("article-facts")
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((r) =>
        ["region", "period", "value", "text"]
          .map((c) => r.querySelector(`[data-col="${c}"]`)?.textContent ?? "")
          .join(" "),
      ),
    );
}

beforeAll(async () => {
  mkdirSync(dataDir);
  cpSync(join(ROOT, "data", "raw"), join(dataDir, "raw"), { recursive: true });
  for (const name of ["regions.csv", "indicators.csv"])
    cpSync(join(ROOT, "data", name), join(dataDir, name));
  url = await startServer();
  browser = await launchBrowser();
  const watched = await openPage(browser);
  page = watched.page;
  pageErrors = watched.pageErrors;
  cspViolations = watched.cspViolations;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await stopServer();
  rmSync(root, { recursive: true, force: true });
});

describe("keeping articles under npm start", () => {
  test("a pasted article is saved into data/raw with its row and is in the dashboard at once", async () => {
    await openAnalyse();
    await expect(page.getByTestId("kept-where").textContent()).resolves.toContain("data/raw/");
    await page.getByTestId("article-input").fill(PASTED);
    await page.getByTestId("article-title").fill("鹤山上半年");
    await page.getByTestId("analyse-button").click();
    await page.getByTestId("facts-found").waitFor();
    // Added for the session first: once saved, its facts come with data/ and only from there.
    await page.getByTestId("add-facts").click();
    await page.getByTestId("pasted-articles").waitFor();
    await page.getByTestId("article-publisher").fill("测试日报");
    await page.getByTestId("save-article-button").click();
    const status = page.getByTestId("save-status");
    await status.filter({ hasText: "已保存到 data/raw/article-" }).waitFor();
    const file = /article-[0-9a-f]{12}\.txt/.exec((await status.textContent()) ?? "")![0];
    expect(readFileSync(join(dataDir, "raw", file), "utf8")).toBe(PASTED);
    expect(sourcesCsv()).toContain(`\n${file},,鹤山上半年,测试日报,\n`);
    expect(factsCsv()).toContain(`${file.replace(".txt", "")},`);
    // No reload: the kept list (from sources.csv) and the loaded facts (indicators.csv) have it.
    await kept().locator("li").filter({ hasText: "鹤山上半年" }).waitFor();
    await page.getByTestId("pasted-articles").waitFor({ state: "detached" });
    await factCountShown();
  });

  test("a GBK page dropped gives the facts of its article as plain text, and is saved with its bytes", async () => {
    await page.getByRole("tab", { name: "分析文章" }).click();
    // The article as plain text first, dated as the page's metadata dates it.
    await page.getByTestId("article-input").fill(PAGE_AS_TEXT);
    await page.getByTestId("article-date").fill("2024-10-28");
    await page.getByTestId("analyse-button").click();
    await page.getByTestId("facts-found").filter({ hasText: "7 条事实" }).waitFor();
    const asText = await factsShown();

    await dropGbkPage();
    await page.getByTestId("facts-found").filter({ hasText: "gb18030" }).waitFor();
    const asPage = await factsShown();
    expect(asPage).toEqual(asText);
    // Nothing from the navigation, related news, comments or footer, and no markup.
    const shown = (await page.getByTestId("article-text").textContent()) ?? "";
    for (const figure of ["4.1%", "218亿元", "7.5%", "8.8%", "900家", "3998亿元"])
      expect(shown).not.toContain(figure);
    expect(shown).not.toMatch(/[<>]/);
    await expect(page.getByTestId("article-date").inputValue()).resolves.toBe("2024-10-28");

    await page.getByTestId("save-article-button").click();
    const status = page.getByTestId("save-status");
    await status.filter({ hasText: "已保存到 data/raw/article-" }).waitFor();
    const file = /article-[0-9a-f]{12}\.html/.exec((await status.textContent()) ?? "")![0];
    expect(readFileSync(join(dataDir, "raw", file)).equals(GBK_PAGE)).toBe(true);
    const id = file.replace(".html", "");
    pageId = id;
    expect(readFileSync(join(dataDir, "raw", "article-text", `${id}.txt`), "utf8")).toBe(
      PAGE_AS_TEXT,
    );
    expect(sourcesCsv()).toContain(`\n${file},2024-10-28,江门前三季度经济运行稳中向好,,\n`);
    await kept().locator("li").filter({ hasText: "江门前三季度经济运行稳中向好" }).waitFor();
    await factCountShown();
  });

  test("both are there after a reload and after a restart of the server", async () => {
    await openAnalyse();
    for (const title of ["鹤山上半年", "江门前三季度经济运行稳中向好"]) {
      await kept().locator("li").filter({ hasText: title }).waitFor();
    }
    const port = Number(new URL(url).port);
    await stopServer();
    url = await startServer(port);
    await openAnalyse();
    for (const title of ["鹤山上半年", "江门前三季度经济运行稳中向好"]) {
      await kept().locator("li").filter({ hasText: title }).waitFor();
    }
    await factCountShown();
    // The page's facts are in the sources view, its article text with the number marked.
    await page.goto(`${url}?view=table&indicator=gdp&period=2024-01/2024-09`);
    await tableReady(page);
    const row = page.getByTestId("table").locator("tbody tr").filter({ hasText: "2956.3" }).first();
    await row.getByRole("button", { name: "查看原文" }).click();
    const source = page.getByTestId("sources");
    await source.locator("mark.number").first().waitFor();
    await expect(source.locator("mark.number").allTextContents()).resolves.toContain("2956.3亿元");
    await source.getByRole("button", { name: "关闭" }).click();
  });

  test("补录 on the saved page: the added number is in the table and the chart", async () => {
    await page.goto(`${url}?view=table&indicator=gdp&period=2024-01/2024-09`);
    await tableReady(page);
    const row = page.getByTestId("table").locator("tbody tr").filter({ hasText: "2956.3" }).first();
    await row.getByRole("button", { name: "查看原文" }).click();
    const dialog = page.getByTestId("sources");
    const article = dialog.locator(`article[data-source="${pageId}"]`).first();
    await article.locator(".article-text").waitFor();
    await selectInArticle(article, MISSED);
    await article.getByTestId("review-add").click();
    const form = page.getByTestId("review-form");
    await expect(form.getByLabel("数值", { exact: true }).inputValue()).resolves.toBe("12.7");
    await form.getByLabel("指标", { exact: true }).selectOption(MISSED_INDICATOR);
    await form.getByLabel("对象", { exact: true }).fill("工业投资");
    // The server is started again while the form is open: the page still holds the token of the
    // start before, which is refused; it takes the new one from the page the server now serves
    // and sends the decision again, so nothing the person did is lost and no reload is needed.
    const port = Number(new URL(url).port);
    await stopServer();
    url = await startServer(port);
    const statuses: number[] = [];
    page.on("response", (r) => {
      if (r.url().endsWith("/api/reviews")) statuses.push(r.status());
    });
    const saved = page.waitForResponse(
      (r) => r.url().endsWith("/api/reviews") && r.status() === 200,
    );
    await form.getByRole("button", { name: "保存" }).click();
    await saved;
    expect(statuses).toEqual([403, 200]);
    await dialog.getByRole("button", { name: "关闭" }).click();

    const [decision] = csvRecords(reviewsCsv());
    expect(decision).toMatchObject({
      action: "add",
      source: pageId,
      start: String(PAGE_AS_TEXT.indexOf(MISSED)),
      text: MISSED,
      indicator: MISSED_INDICATOR,
      region: "jiangmen",
      value: "12.7",
    });
    const shown = await additionShown();
    expect(shown.rows).toHaveLength(1);
    expect(shown.rows[0]).toContain(MISSED);
    expect(shown.rows[0]).toContain("补录");
    expect(shown.drawn).toContain(12.7);
  });

  test("删除文章 moves each into data/trash and takes its row and facts out", async () => {
    await page.getByRole("tab", { name: "分析文章" }).click();
    const decisions = reviewsCsv();
    const keptFiles = () =>
      readdirSync(join(dataDir, "raw")).filter((f) => /^article-[0-9a-f]{12}\./.test(f));
    const before = keptFiles();
    expect(before).toHaveLength(2);
    for (const title of ["鹤山上半年", "江门前三季度经济运行稳中向好"]) {
      await kept()
        .getByRole("button", { name: `删除文章 ${title}` })
        .click();
      await kept().locator("li").filter({ hasText: title }).waitFor({ state: "detached" });
    }
    await expect(page.getByTestId("kept-status").textContent()).resolves.toContain("data/trash/");
    expect(keptFiles()).toEqual([]);
    const trashed = readdirSync(join(dataDir, "trash"), { recursive: true }) as string[];
    for (const file of before) expect(trashed.some((f) => f.endsWith(file))).toBe(true);
    expect(sourcesCsv()).not.toContain("article-");
    expect(factsCsv()).toBe(readFileSync(join(ROOT, "data", "indicators.csv"), "utf8"));
    // The number added on the page applies to nothing now, as the extract run applies it: the
    // page says so without a reload, and neither the table nor the chart shows it…
    await page
      .getByTestId("reviews-gone")
      .filter({ hasText: "1 条核对所属的文章已不在" })
      .waitFor({ timeout: 20_000 });
    const shown = await additionShown();
    expect(shown.rows).toEqual([]);
    expect(shown.drawn).not.toContain(12.7);
    // …but the decision is the person's: reviews.csv still holds it, byte for byte.
    expect(reviewsCsv()).toBe(decisions);
    expect(pageErrors).toEqual([]);
    // Reading a page (Readability on DOMParser) needs nothing the Content-Security-Policy forbids.
    expect(cspViolations).toEqual([]);
  });
});

describe("an article saved again", () => {
  test("brings back the number added on it: same bytes, same id, the decision applies again", async () => {
    await openAnalyse();
    await dropGbkPage();
    await page.getByTestId("facts-found").filter({ hasText: "gb18030" }).waitFor();
    await page.getByTestId("save-article-button").click();
    await page
      .getByTestId("save-status")
      .filter({ hasText: `data/raw/${pageId}.html` })
      .waitFor();
    const shown = await additionShown();
    expect(shown.rows).toHaveLength(1);
    expect(shown.rows[0]).toContain(MISSED);
    expect(shown.drawn).toContain(12.7);
    await expect(page.getByTestId("reviews-gone").count()).resolves.toBe(0);
  });
});

describe("refused writes", () => {
  /** The token of this start, as the page gets it. */
  const token = async () =>
    /<meta name="jm-write-token" content="([0-9a-f]+)">/.exec(await (await fetch(url)).text())![1]!;

  test("from another origin, with a foreign Host, without the token, over the limit: data/ unchanged", async () => {
    const before = folderBytes(dataDir);
    const body = JSON.stringify({ text: PASTED.replace("238.6", "999.9") });
    await page.goto(url);
    const secret = await token();

    // Another site's page posting to this one, as a form or fetch without CORS can: refused by
    // Origin (and a fetch with the token's header is stopped by the browser's CORS preflight).
    const attacker = createServer((_req, res) =>
      res.end("<!doctype html><title>another site</title>"),
    );
    await new Promise<void>((ok) => attacker.listen(0, "127.0.0.1", ok));
    const other = await browser.newPage();
    await other.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    await other.evaluate(
      ([target, text, t]) =>
        fetch(`${target}api/articles`, {
          method: "POST",
          mode: "no-cors",
          headers: { "Content-Type": "text/plain" },
          body: text,
        }).then(() =>
          fetch(`${target}api/articles`, {
            method: "POST",
            mode: "cors",
            headers: { "Content-Type": "application/json", "X-Write-Token": t },
            body: text,
          }).catch(() => "blocked"),
        ),
      [url, body, secret] as const,
    );
    await other.close();
    attacker.close();

    // The dashboard's own page, but without the token, and over the 8 MiB limit.
    const answers = await page.evaluate(
      async ([text, t]) => {
        const post = (headers: Record<string, string>, b: string) =>
          fetch("/api/articles", {
            method: "POST",
            headers: { "Content-Type": "application/json", ...headers },
            body: b,
          }).then(async (r) => [r.status, ((await r.json()) as { error: string }).error] as const);
        return [
          await post({}, text),
          await post({ "X-Write-Token": t }, JSON.stringify({ text: "江".repeat(3 * 2 ** 20) })),
        ];
      },
      [body, secret] as const,
    );
    expect(answers[0]).toEqual([403, expect.stringMatching(/no x-write-token/)]);
    expect(answers[1]).toEqual([413, expect.stringMatching(/limit/)]);

    // A DNS-rebinding page reaches the server under its own name: refused by Host.
    const { port } = new URL(url);
    const rebound = await new Promise<number>((ok, fail) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/api/articles",
          method: "POST",
          setHost: false,
          headers: {
            Host: `rebind.example:${port}`,
            Origin: `http://rebind.example:${port}`,
            "X-Write-Token": secret,
            "Content-Type": "application/json",
          },
        },
        (res) => {
          res.resume();
          ok(res.statusCode ?? 0);
        },
      );
      req.on("error", fail);
      req.end(body);
    });
    expect(rebound).toBe(403);
    expect(folderBytes(dataDir)).toEqual(before);
    expect(existsSync(join(dataDir, "raw", "sources.csv"))).toBe(true);
  });
});

describe("keeping articles on static files (no server to write to)", () => {
  test("保存文章 keeps it in this browser, says so, brings it back after a reload, downloads it, deletes it", async () => {
    const watched = await openPage(browser);
    const staticPage = watched.page;
    const baseUrl = inject("baseUrl");
    await staticPage.goto(baseUrl);
    await staticPage.getByRole("tab", { name: "分析文章" }).click();
    const where = staticPage.getByTestId("kept-where");
    await expect(where.textContent()).resolves.toContain("只保存在本浏览器（IndexedDB）");
    await staticPage.getByTestId("article-input").fill(PASTED);
    await staticPage.getByTestId("article-title").fill("鹤山上半年");
    await staticPage.getByTestId("analyse-button").click();
    await staticPage.getByTestId("facts-found").waitFor();
    await staticPage.getByTestId("save-article-button").click();
    await staticPage.getByTestId("save-status").filter({ hasText: "已保存在本浏览器中" }).waitFor();
    const list = staticPage
      .getByTestId("kept-articles")
      .locator("li")
      .filter({ hasText: "鹤山上半年" });
    await list.waitFor();

    await staticPage.reload();
    await staticPage.getByRole("tab", { name: "分析文章" }).click();
    await list.waitFor();
    // Its facts are in the dashboard again (listed with the session's articles).
    await staticPage.getByTestId("pasted-articles").filter({ hasText: "鹤山上半年" }).waitFor();

    const [file] = await Promise.all([
      staticPage.waitForEvent("download"),
      staticPage.getByTestId("download-kept").click(),
    ]);
    const csv = csvRecords(readFileSync(await file.path(), "utf8").replace(/^\uFEFF/, ""));
    expect(csv.map((r) => r.text)).toEqual(expect.arrayContaining(["238.6亿元", "5.2%"]));
    expect(new Set(csv.map((r) => r.source)).size).toBe(1);
    expect(csv[0]!.source).toMatch(/^kept-[0-9a-f]{13}$/);

    await staticPage
      .getByTestId("kept-articles")
      .getByRole("button", { name: "删除文章 鹤山上半年" })
      .click();
    await list.waitFor({ state: "detached" });
    await staticPage.reload();
    await staticPage.getByRole("tab", { name: "分析文章" }).click();
    await staticPage.getByTestId("kept-articles").getByText("还没有保存的文章").waitFor();
    expect(watched.pageErrors).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
  });
});
