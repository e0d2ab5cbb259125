// POST /api/reviews under the write guard: a decision is checked as `npm run extract` reads it,
// must find its number in the document, and is appended; decisions sent at once are all kept.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  decisionAbout,
  parseReviews,
  REVIEW_COLUMNS,
  reviewRecord,
  reviewsHeader,
  reviewToCsvLine,
  type Fact,
} from "../../../extract/lib/index.ts";
import { serveDashboard } from "../../../scripts/serve.ts";
import { writeRoutes } from "../../../scripts/write/routes.ts";
import { encodeGbk } from "../../gbk.ts";
import { folderBytes } from "../../folder.ts";

const ROOT = join(import.meta.dirname, "../../..");
// Written for this test, not taken from any article.
const TEXT = "台山市去年地区生产总值503.23亿元，增长5.1%。";
const FACT: Fact = {
  id: "t1-11-gdp",
  indicator: "gdp",
  region: "taishan",
  period: "2023",
  value: 50323000000,
  unit: "CNY",
  qualifier: "exact",
  kind: "actual",
  subject: "",
  source: "t1",
  published: "2024-03",
  text: "503.23亿元",
  quote: TEXT,
  start: TEXT.indexOf("503.23亿元"),
  end: TEXT.indexOf("503.23亿元") + "503.23亿元".length,
};

describe("POST /api/reviews", () => {
  const root = mkdtempSync(join(tmpdir(), "jm-reviews-route-"));
  const dataDir = join(root, "data");
  const token = "be".repeat(32);
  let url = "";
  let close = () => undefined as void;
  beforeAll(async () => {
    mkdirSync(join(dataDir, "raw"), { recursive: true });
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "dist", "index.html"), "<html><head></head></html>");
    writeFileSync(join(dataDir, "raw", "t1.txt"), TEXT);
    copyFileSync(join(ROOT, "data", "regions.csv"), join(dataDir, "regions.csv"));
    const started = await serveDashboard({
      distDir: join(root, "dist"),
      dataDir,
      writes: { token, routes: writeRoutes(dataDir) },
    });
    url = started.url;
    close = () => void started.server.close();
  });
  afterAll(() => {
    close();
    rmSync(root, { recursive: true, force: true });
  });

  const post = async (body: unknown, extra: Record<string, string> = {}) => {
    const host = new URL(url).host;
    const response = await fetch(new URL("/api/reviews", url), {
      method: "POST",
      headers: {
        Origin: `http://${host}`,
        "X-Write-Token": token,
        "Content-Type": "application/json",
        ...extra,
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const file = () => join(dataDir, "reviews.csv");
  const at = (i: number) => `2026-12-07T10:00:${String(i).padStart(2, "0")}+08:00`;

  it("keeps every decision of two tabs sending at once, one row each, header once", async () => {
    const decisions = Array.from({ length: 24 }, (_, i) =>
      decisionAbout(FACT, i % 2 ? "confirm" : "correct", at(i), { ...FACT, value: 1000 + i }),
    );
    const answers = await Promise.all(decisions.map((d) => post({ review: reviewRecord(d) })));
    expect(answers.map((a) => a.status)).toEqual(decisions.map(() => 200));
    const text = readFileSync(file(), "utf8");
    expect(text.split("\n")[0]).toBe(REVIEW_COLUMNS.join(","));
    const { reviews, problems } = parseReviews(text, new Set(["taishan", "jiangmen"]));
    expect(problems).toEqual([]);
    expect(reviews.map((r) => r.value).sort()).toEqual(decisions.map((d) => d.value).sort());
  });

  it("refuses a decision a run would refuse, naming the field, and leaves the file alone", async () => {
    const before = readFileSync(file(), "utf8");
    const tree = folderBytes(dataDir);
    const bad = [
      [{ ...reviewRecord(decisionAbout(FACT, "correct", at(1))), region: "guangzhou" }, /^region:/],
      [{ ...reviewRecord(decisionAbout(FACT, "correct", at(1))), period: "2023-13" }, /^period:/],
      [{ ...reviewRecord(decisionAbout(FACT, "correct", at(1))), value: "5亿" }, /^value:/],
      [{ ...reviewRecord(decisionAbout(FACT, "confirm", at(1))), text: "503.24亿元" }, /^text:/],
      [{ ...reviewRecord(decisionAbout(FACT, "confirm", at(1))), source: "gone" }, /^source:/],
    ] as const;
    for (const [review, error] of bad) {
      const answer = await post({ review });
      expect(answer.status).toBe(422);
      expect(answer.json.error).toMatch(error);
    }
    expect((await post({ nothing: 1 })).status).toBe(400);
    // The guard stands before the route: no token, no write.
    const refused = await post(
      { review: reviewRecord(decisionAbout(FACT, "reject", at(2))) },
      {
        "X-Write-Token": "",
      },
    );
    expect(refused.status).toBe(403);
    expect(readFileSync(file(), "utf8")).toBe(before);
    expect(folderBytes(dataDir)).toEqual(tree);
  });
});

// A person may edit data/reviews.csv by hand (a spreadsheet, a text editor). What the server
// appends must still be read as the decision that was sent, and a bad row of theirs is kept.
describe("POST /api/reviews onto a hand-edited reviews.csv", () => {
  const root = mkdtempSync(join(tmpdir(), "jm-reviews-hand-"));
  const dataDir = join(root, "data");
  const token = "cd".repeat(32);
  const file = join(dataDir, "reviews.csv");
  const regions = new Set(["taishan", "jiangmen"]);
  let url = "";
  let close = () => undefined as void;
  beforeAll(async () => {
    mkdirSync(join(dataDir, "raw"), { recursive: true });
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "dist", "index.html"), "<html><head></head></html>");
    writeFileSync(join(dataDir, "raw", "t1.txt"), TEXT);
    copyFileSync(join(ROOT, "data", "regions.csv"), join(dataDir, "regions.csv"));
    const started = await serveDashboard({
      distDir: join(root, "dist"),
      dataDir,
      writes: { token, routes: writeRoutes(dataDir) },
    });
    url = started.url;
    close = () => void started.server.close();
  });
  afterAll(() => {
    close();
    rmSync(root, { recursive: true, force: true });
  });
  const post = async (body: unknown) => {
    const response = await fetch(new URL("/api/reviews", url), {
      method: "POST",
      headers: {
        Origin: new URL(url).origin,
        "X-Write-Token": token,
        "Content-Type": "application/json",
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const correction = (value: number, second: number) =>
    reviewRecord(
      decisionAbout(FACT, "correct", `2026-12-07T11:00:${String(second).padStart(2, "0")}+08:00`, {
        ...FACT,
        value,
        subject: '=1+1, "quoted"',
      }),
    );
  /** A row in the order of `columns`, from a record named by the contract's columns. */
  const rowIn = (columns: readonly string[], record: Record<string, string>) =>
    Papa.unparse([columns.map((c) => record[c] ?? "")], { newline: "\n" }) + "\n";

  it("appends in the file's own column order, so the row reads back as the decision sent", async () => {
    // Columns moved about and one of the person's own added in the middle.
    const columns: string[] = [...REVIEW_COLUMNS].reverse();
    columns.splice(3, 0, "my_comment");
    const first = correction(1111, 1);
    writeFileSync(
      file,
      columns.join(",") + "\n" + rowIn(columns, { ...first, my_comment: "mine" }),
    );
    const answer = await post({ review: correction(2222, 2) });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    const { reviews, problems } = parseReviews(readFileSync(file, "utf8"), regions);
    expect(problems).toEqual([]);
    expect(reviews.map((r) => [r.value, r.subject, r.region])).toEqual([
      [1111, '=1+1, "quoted"', "taishan"],
      [2222, '=1+1, "quoted"', "taishan"],
    ]);
  });

  it("refuses a decision the file could never give back (its header lacks a column), naming file and line, file unchanged", async () => {
    const text = "reviewed_at,action,fact_id,source,start,end,text\n";
    writeFileSync(file, text);
    const before = folderBytes(dataDir);
    const answer = await post({ review: correction(3333, 3) });
    expect(answer.status).toBe(409);
    expect(answer.json.error).toMatch(/data\/reviews\.csv line 1: missing columns? .*indicator/);
    expect(answer.json.error).toMatch(/nothing was changed/);
    expect(readFileSync(file, "utf8")).toBe(text);
    expect(folderBytes(dataDir)).toEqual(before);
  });

  it("refuses to append UTF-8 to a reviews.csv a spreadsheet saved as GBK, naming it, file unchanged", async () => {
    // Excel on Chinese Windows saves CSV as GBK: a UTF-8 row after GBK rows makes a file that
    // no reader decodes whole, and the new decision's text (503.23亿元) would be read garbled.
    const bytes = encodeGbk(
      reviewsHeader() +
        reviewToCsvLine({ ...decisionAbout(FACT, "confirm", at0()), note: "已核对", line: 0 }),
    );
    writeFileSync(file, bytes);
    const before = folderBytes(dataDir);
    const answer = await post({ review: correction(5555, 5) });
    expect(answer.status).toBe(409);
    expect(answer.json.error).toMatch(/data\/reviews\.csv is not UTF-8/);
    expect(answer.json.error).toMatch(/nothing was changed/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(folderBytes(dataDir)).toEqual(before);
  });

  it("keeps a row whose quote is never closed, names its line, and still reads the decisions after it", async () => {
    const good = reviewToCsvLine({ ...decisionAbout(FACT, "confirm", at0()), line: 0 });
    // A note whose closing quote was lost in a hand edit, as the last line, without a newline.
    const broken = good.replace(/\n$/, "").replace(/,$/, ',"half a note');
    const text = reviewsHeader() + good + broken;
    writeFileSync(file, text);
    const answer = await post({ review: correction(4444, 4) });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    const after = readFileSync(file, "utf8");
    expect(after.startsWith(text)).toBe(true);
    const { reviews, problems } = parseReviews(after, regions, "data/reviews.csv");
    expect(problems).toEqual([
      expect.objectContaining({
        file: "data/reviews.csv",
        line: 3,
        message: expect.stringMatching(/quote/),
      }),
    ]);
    expect(reviews.map((r) => [r.line, r.action, r.value])).toEqual([
      [2, "confirm", FACT.value],
      [4, "correct", 4444],
    ]);
  });
});

const at0 = () => "2026-12-07T11:00:00+08:00";

describe("POST /api/reviews beside a table with a problem", () => {
  const root = mkdtempSync(join(tmpdir(), "jm-reviews-tables-"));
  const dataDir = join(root, "data");
  const token = "cd".repeat(32);
  let url = "";
  let close = () => undefined as void;
  beforeAll(async () => {
    mkdirSync(join(dataDir, "raw"), { recursive: true });
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "dist", "index.html"), "<html><head></head></html>");
    writeFileSync(join(dataDir, "raw", "t1.txt"), TEXT);
    copyFileSync(join(ROOT, "data", "regions.csv"), join(dataDir, "regions.csv"));
    const started = await serveDashboard({
      distDir: join(root, "dist"),
      dataDir,
      writes: { token, routes: writeRoutes(dataDir) },
    });
    url = started.url;
    close = () => void started.server.close();
  });
  afterAll(() => {
    close();
    rmSync(root, { recursive: true, force: true });
  });
  const post = async (body: unknown) => {
    const host = new URL(url).host;
    const response = await fetch(new URL("/api/reviews", url), {
      method: "POST",
      headers: {
        Origin: `http://${host}`,
        "X-Write-Token": token,
        "Content-Type": "application/json",
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const confirm = () => reviewRecord(decisionAbout(FACT, "confirm", "2026-12-07T11:00:00+08:00"));

  it("keeps a decision while sources.csv has a broken row: the number is checked in the article, which needs no date", async () => {
    // A hand edit lost a closing quote: `npm run extract` names the row; a decision is about the
    // article's text and is kept all the same.
    writeFileSync(
      join(dataDir, "raw", "sources.csv"),
      'file,published,title,publisher,url\nt1.txt,2024-03,"台山经济,,\n',
    );
    const answer = await post({ review: confirm() });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    const { reviews } = parseReviews(
      readFileSync(join(dataDir, "reviews.csv"), "utf8"),
      new Set(["taishan"]),
    );
    expect(reviews.map((r) => [r.action, r.factId])).toEqual([["confirm", FACT.id]]);
  });

  it("refuses a decision while regions.csv cannot be used, naming it, nothing changed (not an internal error)", async () => {
    writeFileSync(join(dataDir, "regions.csv"), "key,name\nTaishan!,台山\n");
    const before = folderBytes(dataDir);
    const answer = await post({ review: confirm() });
    expect(answer.status).toBe(409);
    expect(answer.json.error).toMatch(/regions\.csv/);
    expect(answer.json.error).toMatch(/nothing was changed/);
    expect(folderBytes(dataDir)).toEqual(before);
  });
});
