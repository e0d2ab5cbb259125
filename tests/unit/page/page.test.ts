// The page stage: saved web pages (bytes) to article text, title and date; and the command on a
// folder with pages, its facts grounded in the kept article text.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodePage, metaDate } from "../../../extract/page/index.ts";
import { readPageBytes } from "../../../extract/page/node.ts";
import { extractDocument } from "../../../extract/lib/index.ts";
import { jiangmenRegions } from "../extract/helpers.ts";
import { encodeGbk } from "../../gbk.ts";
import { csvRecords, REGIONS, ROOT, runCli, tempDir } from "../cli/helpers.ts";

const PAGES = join(ROOT, "tests", "fixtures", "pages");
const fixture = (name: string) => readFileSync(join(PAGES, name), "utf8");
/** The GBK page as a user has it: GBK bytes. */
const gbkPage = () => encodeGbk(fixture("jiangmen-gbk.html"));
/** Figures that appear only outside the article (navigation, related news, comments, footer). */
const OUTSIDE = [
  "4.1%",
  "36个",
  "218亿元",
  "7.5%",
  "52家",
  "10.2%",
  "8.8%",
  "900家",
  "3998亿元",
  "5.5%",
  "11.2%",
  "45个",
  "600家",
  "4.0%",
];

describe("decoding a page", () => {
  it("reads a GBK page by its <meta> declaration", () => {
    const decoded = decodePage(gbkPage());
    expect(decoded).toMatchObject({ ok: true, encoding: "gb18030", declared: "gbk" });
    if (decoded.ok) expect(decoded.text).toContain("江门前三季度经济运行稳中向好");
  });
  it("names an encoding it does not read instead of garbling it", () => {
    const big5 = Buffer.concat([
      Buffer.from('<html><head><meta charset="big5"></head><body><p>'),
      Buffer.from([0xa4, 0xa4, 0xa4, 0xe5]),
      Buffer.from("</p></body></html>"),
    ]);
    expect(decodePage(big5)).toEqual({
      ok: false,
      reason: expect.stringMatching(/declares the encoding "big5", which is not read/),
    });
    // An ASCII page is the same text in any ASCII-based encoding.
    const ascii = Buffer.from(
      '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>x</p>',
    );
    expect(decodePage(ascii)).toMatchObject({ ok: true });
  });
  it("goes by the bytes when the declaration is wrong, and says so", () => {
    const mislabelled = encodeGbk('<meta charset="utf-8"><p>江门市地区生产总值</p>');
    const decoded = decodePage(mislabelled);
    expect(decoded).toMatchObject({ ok: true, encoding: "gb18030" });
    if (decoded.ok)
      expect(decoded.notes.join()).toMatch(/declares utf-8 but its bytes are GB18030/);
  });
  it("refuses empty and binary files", () => {
    expect(decodePage(new Uint8Array())).toMatchObject({ ok: false, reason: "empty file" });
    expect(decodePage(Uint8Array.of(0x3c, 0, 1, 2))).toMatchObject({ ok: false });
  });
});

describe("the article of a page", () => {
  it("is the article alone: no navigation, related news, comments or footer", () => {
    const page = readPageBytes(gbkPage());
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    expect(page.text).toBe(fixture("jiangmen-gbk.txt"));
    for (const figure of OUTSIDE) expect(page.text, figure).not.toContain(figure);
    expect(page.text).not.toMatch(/[<>]/);
    expect(page).toMatchObject({ title: "江门前三季度经济运行稳中向好", published: "2024-10-28" });
  });
  it("takes og:title and article:published_time", () => {
    const page = readPageBytes(Buffer.from(fixture("heshan-utf8.html")));
    expect(page).toMatchObject({
      ok: true,
      title: "鹤山重点项目建设提速",
      published: "2024-06-12",
    });
    if (page.ok) for (const figure of OUTSIDE) expect(page.text, figure).not.toContain(figure);
  });
  it("says when a page has no article", () => {
    expect(readPageBytes(Buffer.from("<html><body><nav></nav></body></html>"))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no article text/),
    });
  });
  it("reads the date forms pages write", () => {
    expect(metaDate("2024-03-05T08:00:00+08:00")).toBe("2024-03-05");
    expect(metaDate("2024/3/5 10:00")).toBe("2024-03-05");
    expect(metaDate("2024年3月5日")).toBe("2024-03-05");
    expect(metaDate("20240305")).toBe("2024-03-05");
    expect(metaDate("2024-02-30")).toBeUndefined();
    expect(metaDate("yesterday")).toBeUndefined();
  });
});

/** A saved page with `head` in its <head>, `before` between its <body> and the article, and
 * `after` after it: an article of its own, long enough for Readability. */
const datedPage = (head: string, before: string, after = "") =>
  Buffer.from(
    `<html><head><meta charset="utf-8"><title>台山前三季度经济运行</title>${head}</head><body>` +
      `${before}<div id="js_content"><p>记者从台山市统计局获悉，前三季度台山市经济运行总体平稳，工业生产稳中有进，` +
      `海上风电等新兴产业持续壮大，重点项目建设有序推进。</p><p>前三季度，全市规模以上工业增加值增长6.1%，` +
      `固定资产投资增长3.2%，外贸进出口总额增长5.4%，主要指标增速均高于全市平均水平。</p>` +
      `<p>台山市统计局有关负责人表示，下一步将加强运行监测，推动经济持续回升向好，确保完成全年目标任务。</p></div>` +
      `${after}</body></html>`,
  );
const publishedOf = (page: Buffer) => {
  const read = readPageBytes(page);
  return read.ok ? (read.published ?? null) : read.reason;
};

describe("a page's date when its head gives none", () => {
  it("reads the posting time a 公众号 page shows, or a news page's pubtime or <time>", () => {
    const wechat = `<h1 id="activity-name">台山前三季度经济运行</h1><div id="meta_content"><a id="js_name">台山发布</a> <em id="publish_time">2025-10-28 18:06</em></div>`;
    expect(publishedOf(datedPage("", wechat))).toBe("2025-10-28");
    const site = `<div class="info"><span class="pubtime">2024年6月12日 08:30</span><span>来源：江门日报</span></div>`;
    expect(publishedOf(datedPage("", site))).toBe("2024-06-12");
    const time = `<p class="meta"><time datetime="2024-06-12T08:30:00+08:00">6月12日</time></p>`;
    expect(publishedOf(datedPage("", time))).toBe("2024-06-12");
  });
  it("reads a 公众号 script's Unix time (var ct) as a date in China's time zone", () => {
    // 1753741800 is 2025-07-28 22:30 UTC, 06:30 on the 29th in China.
    const script = `<script>var nickname = "江门发布"; var ct = "1753741800"; var appmsg_type = "9";</script>`;
    expect(publishedOf(datedPage(script, `<em id="publish_time"></em>`))).toBe("2025-07-29");
  });
  it("negative: dates of related links or in the article's own words, and a script's other numbers, date nothing; the head's date wins", () => {
    const related = `<ul class="related"><li><a href="#">江门前三季度GDP增长4.6%</a><span class="date">2025-10-20</span></li></ul>`;
    const ids = `<script>var msgid = "2247483650"; var idx = "1";</script>`;
    expect(publishedOf(datedPage(ids, "", related))).toBeNull();
    const head = `<meta property="article:published_time" content="2025-10-29T09:00:00+08:00">`;
    expect(publishedOf(datedPage(head, `<em id="publish_time">2025-10-28 18:06</em>`))).toBe(
      "2025-10-29",
    );
  });
});

/** A saved page whose article holds `table` between paragraphs of its own. */
const tablePage = (table: string) =>
  Buffer.from(
    `<html><head><meta charset="utf-8"><title>开平1—9月经济运行</title>` +
      `<meta property="article:published_time" content="2025-10-20T08:00:00+08:00"></head><body>` +
      `<nav><a href="#">首页</a> | <a href="#">要闻</a></nav><article><h1>开平1—9月经济运行</h1>` +
      `<p>记者从开平市统计局获悉，今年1—9月，开平市经济运行总体平稳，工业生产稳中有进，各镇街发展各有亮点，重点产业持续壮大。</p>` +
      `<p>分镇街看，主要镇街的工业运行情况如下，其中水口镇的水暖卫浴产业继续领跑，月山镇的五金产业增长较快。</p>` +
      table +
      `<p>开平市统计局有关负责人表示，下一步将加强运行监测，推动工业经济持续回升向好，确保完成全年目标任务。</p>` +
      `</article><footer>版权所有</footer></body></html>`,
  );

describe("a data table in a page's article", () => {
  const read = (table: string) => {
    const page = readPageBytes(tablePage(table));
    if (!page.ok) throw new Error(page.reason);
    return page;
  };
  const facts = (text: string, published?: string) =>
    extractDocument({ id: "t", text, published }, { regions: jiangmenRegions }).facts.map(
      (f) => `${f.indicator} ${f.region} ${f.period} ${f.value}`,
    );

  it("reads each row as a sentence: its first cell, then each figure after its column's name and unit", () => {
    const page = read(
      `<table><tr><th>镇（街）</th><th>规上工业总产值（亿元）</th><th>增速（%）</th></tr>` +
        `<tr><td>水口镇</td><td>186.2</td><td>7.4</td></tr>` +
        `<tr><td>月山镇</td><td>92.5</td><td>-2.1</td></tr></table>`,
    );
    expect(page.text).toContain("水口镇：规上工业总产值186.2亿元，增速7.4%。");
    expect(page.text).toContain("月山镇：规上工业总产值92.5亿元，增速-2.1%。");
    expect(facts(page.text, page.published)).toEqual([
      "output_value kaiping 2025-01/2025-09 18620000000",
      "output_value kaiping 2025-01/2025-09 9250000000",
    ]);
  });

  it("keeps a unit written in the cell, skips empty cells, and reads a growth column by its header", () => {
    const page = read(
      `<table><thead><tr><td>指标</td><td>数值</td><td>同比增长(%)</td></tr></thead><tbody>` +
        `<tr><td>规模以上工业增加值</td><td>145.6亿元</td><td>6.2</td></tr>` +
        `<tr><td>固定资产投资</td><td>—</td><td>-3.5</td></tr></tbody></table>`,
    );
    expect(page.text).toContain("规模以上工业增加值：145.6亿元，同比增长6.2%。");
    expect(page.text).toContain("固定资产投资：同比增长-3.5%。");
    expect(facts(`开平市1—9月主要指标\n\n${page.text}`, page.published)).toEqual(
      expect.arrayContaining([
        "industrial_value_added kaiping 2025-01/2025-09 14560000000",
        "industrial_value_added_growth kaiping 2025-01/2025-09 6.2",
        "fixed_asset_investment_growth kaiping 2025-01/2025-09 -3.5",
      ]),
    );
  });

  it("takes a row's unit from a 计量单位 column or from the row's name, after a column's own", () => {
    const page = read(
      `<table><tr><th>指标</th><th>计量单位</th><th>1—9月</th><th>增长（%）</th></tr>` +
        `<tr><td>外贸进出口总额</td><td>亿元</td><td>109.5</td><td>-3.0</td></tr>` +
        `<tr><td>规模以上工业增加值（亿元）</td><td></td><td>168.2</td><td>6.1</td></tr></table>`,
    );
    expect(page.text).toContain("外贸进出口总额：1—9月109.5亿元，增长-3.0%。");
    expect(page.text).toContain("规模以上工业增加值（亿元）：1—9月168.2亿元，增长6.1%。");
  });

  it("gives a table's bare figures the unit of a 单位： line right over it", () => {
    const page = read(
      `<p>单位：亿元</p><table><tr><th>地区</th><th>进出口总额</th></tr>` +
        `<tr><td>蓬江区</td><td>210.3</td></tr><tr><td>江海区</td><td>180.6</td></tr></table>`,
    );
    expect(page.text).toContain("蓬江区：进出口总额210.3亿元。");
  });

  it("reads merged header cells (colspan, rowspan) as the names stacked over each column", () => {
    // Districts down, indicator groups across, each over its amount and its rate.
    const places = read(
      `<table><tr><th rowspan="2">地区</th><th colspan="2">规模以上工业增加值</th>` +
        `<th rowspan="2">固定资产投资<br>增长（%）</th></tr>` +
        `<tr><th>1—9月（亿元）</th><th>增长（%）</th></tr>` +
        `<tr><td>蓬江区</td><td>251.4</td><td>5.6</td><td>2.1</td></tr>` +
        `<tr><td>恩平市</td><td>70.2</td><td>4.8</td><td>-1.7</td></tr>` +
        `<tr><td colspan="4">注：增速按可比价计算。</td></tr></table>`,
    );
    expect(places.text).toContain(
      "蓬江区：规模以上工业增加值1—9月251.4亿元，规模以上工业增加值增长5.6%，固定资产投资增长2.1%",
    );
    expect(facts(places.text, "2025-10-20")).toEqual(
      expect.arrayContaining([
        "industrial_value_added pengjiang 2025-01/2025-09 25140000000",
        "industrial_value_added_growth pengjiang 2025-01/2025-09 5.6",
        "fixed_asset_investment_growth enping 2025-01/2025-09 -1.7",
      ]),
    );
    // Indicators down, one period across over its amount and its rate.
    const indicators = read(
      `<table><tr><th rowspan="2">指标</th><th rowspan="2">单位</th><th colspan="2">1—9月</th></tr>` +
        `<tr><th>绝对值</th><th>增长（%）</th></tr>` +
        `<tr><td>外贸进出口总额</td><td>亿元</td><td>109.5</td><td>-3.0</td></tr></table>`,
    );
    expect(facts(`开平市主要经济指标\n\n${indicators.text}`, "2025-10-20")).toEqual(
      expect.arrayContaining([
        "trade_value kaiping 2025-01/2025-09 10950000000",
        "trade_growth kaiping 2025-01/2025-09 -3",
      ]),
    );
    // A table with no merged cell reads as it did.
    const plain = read(
      `<table><tr><th>地区</th><th>增长（%）</th></tr><tr><td>蓬江区</td><td>5.6</td></tr></table>`,
    );
    expect(plain.text).toContain("蓬江区：增长5.6%。");
  });

  it("reads a hostile table's spans within bounds: no cell copied past a table's width", () => {
    // colspan and rowspan are the page's: 10^8 of them must cost no more than a table's width.
    const cells = Array.from(
      { length: 200 },
      (_, i) => `<td colspan="100000000" rowspan="99999999">甲${i}</td>`,
    ).join("");
    const hostile = read(
      `<table><tr><th colspan="100000000">地区</th><th>增长（%）</th></tr>` +
        `<tr>${cells}</tr><tr><td>蓬江区</td><td>5.6</td></tr></table>`,
    );
    // Read at all (no exception, no memory blow-up), and no cell text copied beyond the bound.
    expect(hostile.text).toContain("甲0");
    expect(hostile.text.split("甲0").length - 1).toBeLessThanOrEqual(200);
    expect(hostile.text.length).toBeLessThan(50_000);
  });

  it("reads a table that is no grid (one row, rows of another width) cell by cell, as before", () => {
    const layout = read(`<table><tr><td>水口镇</td><td>186.2</td><td>7.4</td></tr></table>`);
    expect(layout.text).toContain("水口镇 186.2 7.4");
    const uneven = read(
      `<table><tr><td>镇（街）</td><td>总产值（亿元）</td></tr><tr><td>水口镇</td><td>186.2</td><td>7.4</td></tr></table>`,
    );
    expect(uneven.text).not.toContain("：");
  });
});

describe("npm run extract on a folder with web pages", () => {
  const dir = tempDir("pages");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives grounded facts from the article only, keeps its text, and names unknown files", () => {
    const raw = join(dir, "raw");
    mkdirSync(raw);
    writeFileSync(join(raw, "jm-page.html"), gbkPage());
    writeFileSync(join(raw, "hs-page.htm"), fixture("heshan-utf8.html"));
    writeFileSync(join(raw, "jm-text.txt"), fixture("jiangmen-gbk.txt"));
    writeFileSync(join(raw, "slides.pptx"), "PK");
    // The plain text has no metadata: its date comes from sources.csv.
    writeFileSync(
      join(raw, "sources.csv"),
      "file,published,title,publisher,url\njm-text.txt,2024-10-28,,,\n",
    );
    const out = join(dir, "out.csv");
    const run = runCli(["--in", raw, "--out", out, "--regions", REGIONS]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/3 documents read/);
    expect(run.stderr).toMatch(/slides\.pptx: unknown file type \(\.pptx\)/);
    expect(run.stderr).toMatch(
      /jm-page\.html: web page in GB18030: article text kept in article-text\/jm-page\.txt/,
    );

    const rows = csvRecords(readFileSync(out, "utf8"));
    const bySource = (source: string) => rows.filter((r) => r.source === source);
    expect(bySource("jm-page").length).toBeGreaterThan(5);
    expect(bySource("hs-page").length).toBeGreaterThan(2);
    for (const row of rows) {
      const kept = row.source!.endsWith("-page")
        ? join(raw, "article-text", `${row.source}.txt`)
        : join(raw, `${row.source}.txt`);
      const text = readFileSync(kept, "utf8");
      expect(text.slice(Number(row.start), Number(row.end)), JSON.stringify(row)).toBe(row.text);
      expect(text).toContain(row.quote!);
      for (const figure of OUTSIDE) expect(row.text).not.toBe(figure);
    }
    // The page gives what its article as plain text gives (the date from its metadata).
    const strip = (r: Record<string, string>) => {
      const { id, source, ...rest } = r;
      void id;
      void source;
      return rest;
    };
    expect(bySource("jm-page").map(strip)).toEqual(bySource("jm-text").map(strip));
    expect(bySource("hs-page").every((r) => r.published === "2024-06-12")).toBe(true);
    expect(existsSync(join(raw, "article-text", "hs-page.txt"))).toBe(true);
  });
});
