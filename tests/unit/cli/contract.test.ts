// The data contract (data/CONTRACT.md), clause by clause, on what `npm run extract` writes: the
// file read back with a strict RFC 4180 reader, every row checked against the contract's columns,
// vocabularies and grammar, and against the documents it quotes. The documents are written here:
// a UTF-8 one with a BOM and CRLF, a GBK one, a web page whose date sources.csv overrides, and a
// web page whose BOM contradicts its <meta charset>.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FACT_COLUMNS,
  INDICATORS,
  KINDS,
  QUALIFIERS,
  REVIEW_STATES,
  UNITS,
} from "../../../extract/lib/index.ts";
import { REVIEW_ACTIONS, REVIEW_COLUMNS } from "../../../extract/lib/reviews.ts";
import { INDICATOR_UNIT } from "../../../extract/lib/indicatorRecords.ts";
import { encodeGbk } from "../../gbk.ts";
import { REGIONS, ROOT, runCli, strictCsv, tempDir } from "./helpers.ts";

const PART = String.raw`\d{4}(?:-(?:Q[1-4]|H[12]|(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?))?`;
const PERIOD = new RegExp(`^${PART}(?:/${PART})?$`);
const PUBLISHED = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** A saved page: `meta` in its head, `body` as its article, navigation and footer around it. */
const page = (meta: string, title: string, body: string) =>
  `<html><head>${meta}<title>${title}</title></head><body>` +
  `<nav><a href="#">首页</a> | <a href="#">本地新闻</a> | <a href="#">经济</a></nav>` +
  `<article><h1>${title}</h1>${body}</article>` +
  `<footer>主办单位：某某报社 版权所有 未经授权禁止转载</footer></body></html>`;

const DOCUMENTS = {
  // UTF-8 with a BOM and CRLF line ends; ASCII quotes and commas in a sentence, a figure in 万元
  // with more decimals than a yuan has.
  "a-bom-crlf.txt":
    "\uFEFF江门日报讯 记者从市统计局获悉，2023年，江门市固定资产投资增长6.1%，其中新会区“双碳”产业园项目完成投资3456.78912万元，比上年增加较多。\r\n\r\n" +
    '全市"十四五"重点项目进展顺利,2023年完成投资120亿元,同比增长12.5%。\r\n',
  "b-gbk.txt": "鹤山讯 2024年上半年，鹤山市规模以上工业增加值增长8.0%，增速居全市前列。\n",
  // Its metadata says 2024-06-12; sources.csv says 2024-07-20, and wins.
  "c-page.html": page(
    `<meta charset="utf-8"><meta property="article:published_time" content="2024-06-12T08:00:00+08:00">`,
    "开平外贸稳中有进",
    `<p>记者从开平市商务局获悉，今年以来，开平市进出口总额达120亿元，同比增长9.5%，其中出口增长较快，外贸主体不断壮大。</p>` +
      `<p>开平市商务局有关负责人表示，下一步将继续支持企业开拓国际市场，推动外贸保稳提质，为全年目标打下坚实基础。</p>`,
  ),
};

/** A UTF-8 page with a BOM that declares windows-1252 (which is not read): the BOM decides,
 * as browsers do. */
const BOM_PAGE = Buffer.concat([
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from(
    page(
      `<meta charset="windows-1252"><meta property="article:published_time" content="2024-05-08T09:00:00+08:00">`,
      "台山一季度投资向好",
      `<p>台山讯 记者从台山市统计局获悉，2024年一季度，台山市固定资产投资同比增长7.3%，工业投资增长较快，项目建设稳步推进。</p>` +
        `<p>台山市统计局有关负责人表示，全市将继续抓好重点项目建设，推动投资持续较快增长，为经济发展提供有力支撑。</p>`,
    ),
    "utf8",
  ),
]);

describe("npm run extract, read against the contract", () => {
  const dir = tempDir("contract");
  const raw = join(dir, "raw");
  const out = join(dir, "indicators.csv");
  let csv = "";
  let rows: Record<string, string>[] = [];
  let stderr = "";

  beforeAll(() => {
    mkdirSync(raw);
    for (const [name, text] of Object.entries(DOCUMENTS)) {
      writeFileSync(join(raw, name), name.startsWith("b-") ? encodeGbk(text) : text);
    }
    writeFileSync(join(raw, "d-bom-page.html"), BOM_PAGE);
    writeFileSync(
      join(raw, "sources.csv"),
      "file,published,title,publisher,url\n" +
        'a-bom-crlf.txt,2024-02-20,"江门经济,稳中向好",江门日报,\n' +
        "b-gbk.txt,2024-07-18,,,\n" +
        "c-page.html,2024-07-20,,,\n",
    );
    const run = runCli(["--in", raw, "--out", out, "--regions", REGIONS, "--jobs", "1"]);
    expect(run.status, run.stderr).toBe(0);
    stderr = run.stderr;
    csv = readFileSync(out, "utf8");
    const parsed = strictCsv(csv);
    expect(parsed.header).toEqual([...FACT_COLUMNS]);
    rows = parsed.rows.map((r) => Object.fromEntries(FACT_COLUMNS.map((c, k) => [c, r[k]!])));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The text offsets point into: the decoded file, BOM excluded; a page's kept article text. */
  const documentText = (source: string): string => {
    if (source.endsWith("-page"))
      return readFileSync(join(raw, "article-text", `${source}.txt`), "utf8");
    if (source === "b-gbk") return DOCUMENTS["b-gbk.txt"];
    return DOCUMENTS["a-bom-crlf.txt"].replace(/^\uFEFF/, "");
  };
  const of = (source: string) => rows.filter((r) => r.source === source);

  it("is UTF-8 with one header row, RFC 4180 quoting and a row per fact of every document", () => {
    expect(readFileSync(out).subarray(0, 3).toString("hex")).not.toBe("efbbbf");
    expect(csv.startsWith(FACT_COLUMNS.join(",") + "\n")).toBe(true);
    expect(stderr).toMatch(/4 documents read/);
    for (const source of ["a-bom-crlf", "b-gbk", "c-page", "d-bom-page"]) {
      expect(of(source).length, source).toBeGreaterThan(0);
    }
    // The quote with ASCII quotes and commas needed quoting, and came back as written.
    expect(rows.some((r) => r.quote!.includes('"十四五"') && r.quote!.includes(","))).toBe(true);
  });

  it("speaks the contract's vocabularies: indicator and its unit, region, qualifier, kind, review", () => {
    const regionKeys = new Set(
      readFileSync(REGIONS, "utf8")
        .split("\n")
        .slice(1)
        .filter(Boolean)
        .map((line) => line.split(",")[0]),
    );
    for (const r of rows) {
      expect(INDICATORS as readonly string[]).toContain(r.indicator);
      expect(r.unit, r.indicator).toBe(INDICATOR_UNIT[r.indicator as keyof typeof INDICATOR_UNIT]);
      expect(regionKeys.has(r.region!), r.region).toBe(true);
      expect(QUALIFIERS as readonly string[]).toContain(r.qualifier);
      expect(KINDS as readonly string[]).toContain(r.kind);
      expect(REVIEW_STATES as readonly string[]).toContain(r.review);
      expect(r.period).toMatch(PERIOD);
      expect(r.published).toMatch(PUBLISHED);
    }
  });

  it("writes values as plain numbers, CNY in whole yuan and counts whole", () => {
    for (const r of rows) {
      if (r.unit === "percent") expect(r.value, r.text).toMatch(/^-?\d+(\.\d+)?$/);
      else expect(r.value, `${r.text}: ${r.value}`).toMatch(/^-?\d+$/);
    }
    // 3456.78912万元 is 34567891.2 yuan: 34567891 in whole yuan.
    expect(rows.find((r) => r.text === "3456.78912万元")?.value).toBe("34567891");
  });

  it("gives offsets of `text` in the document's text, and the sentence that states it as `quote`", () => {
    for (const r of rows) {
      const text = documentText(r.source!);
      const [start, end] = [Number(r.start), Number(r.end)];
      expect(String(start)).toBe(r.start);
      expect(text.slice(start, end), JSON.stringify(r)).toBe(r.text);
      const at = text.lastIndexOf(r.quote!, start);
      expect(at, r.quote).toBeGreaterThanOrEqual(0);
      expect(at + r.quote!.length).toBeGreaterThanOrEqual(end);
    }
  });

  it("sorts rows by source, then start, with unique ids", () => {
    const keys = rows.map((r) => [r.source!, Number(r.start)] as const);
    const sorted = [...keys].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]));
    expect(keys).toEqual(sorted);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it("takes a date sources.csv gives over the page's metadata, and resolves 今年以来 by it", () => {
    for (const r of of("c-page")) expect(r.published).toBe("2024-07-20");
    expect(of("c-page").find((r) => r.indicator === "trade_value")?.period).toBe("2024-01/2024-07");
    // Without a sources.csv date, the page's metadata gives it.
    for (const r of of("d-bom-page")) expect(r.published).toBe("2024-05-08");
  });

  it("decodes a page by its BOM before its <meta charset>", () => {
    const text = documentText("d-bom-page");
    expect(text).toContain("台山市固定资产投资同比增长7.3%");
    expect(of("d-bom-page").map((r) => [r.indicator, r.region, r.period, r.value])).toContainEqual([
      "fixed_asset_investment_growth",
      "taishan",
      "2024-Q1",
      "7.3",
    ]);
  });

  it("gives the same bytes on a second run", () => {
    const again = join(dir, "again.csv");
    const run = runCli(["--in", raw, "--out", again, "--regions", REGIONS, "--jobs", "2"]);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(again, "utf8")).toBe(csv);
  });
});

/** The contract as the repository ships it, and the one it was copied from (beside the repository). */
const CONTRACT = join(ROOT, "data", "CONTRACT.md");
const SPEC = join(ROOT, "..", "shared", "spec", "indicators.md");

describe("data/CONTRACT.md", () => {
  const text = readFileSync(CONTRACT, "utf8");
  /** The backticked words of the table row of `column` in the Output table. */
  const words = (column: string) => {
    const row = text.split("\n").find((line) => line.startsWith(`| \`${column}\` |`)) ?? "";
    return [...row.slice(`| \`${column}\` |`.length).matchAll(/`([A-Za-z_]+)`/g)].map((m) => m[1]);
  };

  // The spec's digest when it was copied: without ../shared (a clone on its own) the copy is held
  // to it, so an edit of CONTRACT.md alone fails; with ../shared the spec itself must still be it,
  // so a newer spec fails until CONTRACT.md is copied again and this digest updated with it.
  const COPIED_SPEC_SHA256 = "068abbbdbca5cb8719d175c91fbc0bb398ee8abc558ca17e64d48f2380b647de";
  it("is the spec it was copied from, word for word", () => {
    expect(createHash("sha256").update(text).digest("hex")).toBe(COPIED_SPEC_SHA256);
    if (existsSync(SPEC)) expect(readFileSync(SPEC, "utf8")).toBe(text);
  });

  it("gives the columns, indicators with their units, and vocabularies the code writes", () => {
    const output = text.slice(text.indexOf("## Output"), text.indexOf("## Input"));
    const columns = [...output.matchAll(/^\| `([a-z_]+)`(?:, `([a-z_]+)`)? \|/gm)].flatMap((m) =>
      m[2] ? [m[1], m[2]] : [m[1]],
    );
    expect(columns).toEqual([...FACT_COLUMNS]);
    const units = [...text.matchAll(/^\| `([a-z_]+)` \| (CNY|percent|count) \|/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(Object.fromEntries(units)).toEqual(INDICATOR_UNIT);
    expect(units.map(([key]) => key)).toEqual([...INDICATORS]);
    expect(words("unit")).toEqual([...UNITS]);
    expect(words("qualifier")).toEqual([...QUALIFIERS]);
    expect(words("kind")).toEqual([...KINDS]);
    expect(["", ...words("review")]).toEqual([...REVIEW_STATES]);
    expect(text).toContain("`" + REVIEW_COLUMNS.join(",") + "`");
    const actions = /- `action`: ([^.]*)\./.exec(text)?.[1] ?? "";
    expect([...actions.matchAll(/`([a-z]+)`/g)].map((m) => m[1])).toEqual([...REVIEW_ACTIONS]);
  });
});

describe("the contract CSVs the repository ships", () => {
  it.each(["data/indicators.csv", "data/demo/indicators.csv"])(
    "%s has the contract's columns, in order, read strictly",
    (file) => {
      const { header, rows } = strictCsv(readFileSync(join(ROOT, file), "utf8"));
      expect(header).toEqual([...FACT_COLUMNS]);
      expect(rows.length).toBeGreaterThan(0);
      for (const cells of rows) {
        const r = Object.fromEntries(FACT_COLUMNS.map((c, k) => [c, cells[k]!]));
        expect(r.unit).toBe(INDICATOR_UNIT[r.indicator as keyof typeof INDICATOR_UNIT]);
        expect(REVIEW_STATES as readonly string[]).toContain(r.review);
        expect(r.quote, r.id).toContain(r.text);
      }
    },
  );
});
