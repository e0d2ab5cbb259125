// The page stage: saved web pages (bytes) to article text, title and date; and the command on a
// folder with pages, its facts grounded in the kept article text.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodePage, metaDate } from "../../../extract/page/index.ts";
import { readPageBytes } from "../../../extract/page/node.ts";
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
