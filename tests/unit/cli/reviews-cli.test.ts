// `npm run extract` with a reviews file: decisions applied on every run, written in the review
// column, the ones that find nothing named in the report, and the file never changed.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  decisionAbout,
  FACT_COLUMNS,
  reviewsHeader,
  reviewToCsvLine,
  type Fact,
} from "../../../extract/lib/index.ts";
import { CLI, copySeeds, REGIONS, runCli, runCliAsync, strictCsv, tempDir } from "./helpers.ts";

/** The rows of a contract CSV, parsed strictly: every row has every column. */
function readFacts(file: string): Record<string, string>[] {
  const parsed = Papa.parse<string[]>(readFileSync(file, "utf8"), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(header).toEqual([...FACT_COLUMNS]);
  return rows.map((row) => {
    expect(row).toHaveLength(FACT_COLUMNS.length);
    return Object.fromEntries(FACT_COLUMNS.map((c, k) => [c, row[k]!]));
  });
}

const asFact = (row: Record<string, string>): Fact =>
  ({
    ...row,
    value: Number(row.value),
    start: Number(row.start),
    end: Number(row.end),
  }) as unknown as Fact;

describe("npm run extract with reviews", () => {
  it("applies decisions, names those that apply to nothing, and leaves the file as it was", async () => {
    const dir = tempDir("reviews-cli");
    const raw = join(dir, "raw");
    const out = join(dir, "indicators.csv");
    const reviewsFile = join(dir, "reviews.csv");
    try {
      mkdirSync(raw);
      copySeeds(raw);
      const first = runCli(["--in", raw, "--out", out, "--regions", REGIONS, "--jobs", "1"]);
      expect(first.status, first.stderr).toBe(0);
      const facts = readFacts(out).map(asFact);
      const [a, b, c] = facts;
      const gone = facts.find((f) => f.source !== a!.source && f.source !== "000_6f389480a371ebba");
      expect(a && b && c && gone).toBeTruthy();
      const t = "2026-12-07T10:00:00+08:00";
      const lines = [
        reviewToCsvLine(decisionAbout(a!, "correct", t, { ...a!, value: a!.value + 1 }, "typo")),
        reviewToCsvLine(decisionAbout(b!, "reject", t)),
        // A hand-edited row with an unknown region: named by line, the others still apply.
        reviewToCsvLine({ ...decisionAbout(c!, "correct", t), region: "guangzhou" }),
        reviewToCsvLine(decisionAbout(c!, "confirm", t)),
        reviewToCsvLine(decisionAbout(gone!, "confirm", t)),
      ];
      const text = reviewsHeader() + lines.join("");
      writeFileSync(reviewsFile, text);
      rmSync(join(raw, `${gone!.source}.txt`));

      const args = ["--in", raw, "--regions", REGIONS, "--reviews", reviewsFile];
      // Every run applies them again, to the same bytes; with one job as with two. The two runs
      // are independent: side by side, not one waiting for the other.
      const sequential = join(dir, "sequential.csv");
      const [run, again] = await Promise.all([
        runCliAsync([...args, "--out", out, "--jobs", "2"]),
        runCliAsync([...args, "--out", sequential, "--jobs", "1"]),
      ]);
      expect(run.status, run.stderr).toBe(0);
      expect(again.status, again.stderr).toBe(0);
      expect(run.stderr).toContain(
        `reviews from ${reviewsFile}: 4 decisions read, 3 applied, 0 stale, 1 applied to nothing, 1 bad row`,
      );
      expect(run.stderr).toContain(
        `${reviewsFile} line 6: confirm ${gone!.text} in ${gone!.source}: the document ${gone!.source} is gone from ${raw}`,
      );
      expect(run.stderr).toContain(`${reviewsFile}:4: region: "guangzhou" is not a region`);
      // The reviews file is the person's: never rewritten.
      expect(readFileSync(reviewsFile, "utf8")).toBe(text);

      const after = readFacts(out);
      const byId = new Map(after.map((f) => [f.id, f]));
      expect(byId.get(a!.id)).toMatchObject({ value: String(a!.value + 1), review: "corrected" });
      expect(byId.has(b!.id)).toBe(false);
      expect(byId.get(c!.id)).toMatchObject({ review: "confirmed" });
      expect(after.filter((f) => f.review !== "").length).toBe(2);

      expect(readFileSync(sequential, "utf8")).toBe(readFileSync(out, "utf8"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The whole command runs three times (the last two side by side): about 1.5 s alone, 7 s and
    // more on two cores shared with the rest of the suite.
  }, 60_000);

  it("refuses a reviews file asked for by name that does not exist", () => {
    const dir = tempDir("reviews-missing");
    try {
      const run = runCli(["--out", join(dir, "x.csv"), "--reviews", join(dir, "nope.csv")]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/cannot read the reviews file .*nope\.csv/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A document of our own: 95亿元 is a number the extractor does not read (tourism income). */
const REVIEWED_TEXT =
  "江门讯 2023年，蓬江区实现地区生产总值1350亿元，同比增长4.8%。\n\n" +
  "全区全年接待游客1200万人次，旅游总收入95亿元。\n";
const REVIEWED_SOURCES = "file,published,title,publisher,url\njm-review.txt,2024-02-01,,,\n";

/** Writes the document and its sources.csv into `raw`. */
function writeReviewedDocument(raw: string): void {
  mkdirSync(raw, { recursive: true });
  writeFileSync(join(raw, "jm-review.txt"), REVIEWED_TEXT);
  writeFileSync(join(raw, "sources.csv"), REVIEWED_SOURCES);
}

/** The contract CSV `file` read with the strict reader, as records. */
function strictFacts(file: string): Record<string, string>[] {
  const { header, rows } = strictCsv(readFileSync(file, "utf8"));
  expect(header).toEqual([...FACT_COLUMNS]);
  return rows.map((row) => Object.fromEntries(FACT_COLUMNS.map((c, k) => [c, row[k]!])));
}

describe("the Reviews clause on a run", () => {
  it("adds with the sentence as quote, marks stale and confirmed, and names a span that moved", () => {
    const dir = tempDir("reviews-clause");
    const raw = join(dir, "raw");
    const out = join(dir, "indicators.csv");
    const reviewsFile = join(dir, "reviews.csv");
    try {
      writeReviewedDocument(raw);
      const first = runCli(["--in", raw, "--out", out, "--regions", REGIONS, "--jobs", "1"]);
      expect(first.status, first.stderr).toBe(0);
      const facts = strictFacts(out).map(asFact);
      const gdp = facts.find((f) => f.indicator === "gdp")!;
      const growth = facts.find((f) => f.indicator === "gdp_growth")!;
      expect(gdp && growth).toBeTruthy();
      const start = REVIEWED_TEXT.indexOf("95亿元");
      const t = "2026-12-08T09:30:00+08:00";
      const added = {
        ...decisionAbout(gdp, "correct", t),
        action: "add" as const,
        factId: "",
        start,
        end: start + "95亿元".length,
        text: "95亿元",
        indicator: "output_value" as const,
        value: 9500000000,
        subject: "旅游",
      };
      const text =
        reviewsHeader() +
        reviewToCsvLine(added) +
        // Confirmed when the extractor read 1 more: it reads otherwise now, so the fact is stale.
        reviewToCsvLine(decisionAbout({ ...gdp, value: gdp.value + 1 }, "confirm", t)) +
        reviewToCsvLine(decisionAbout(growth, "confirm", t)) +
        // A correction whose span no longer holds its number (the text moved by one character).
        reviewToCsvLine({
          ...decisionAbout(gdp, "correct", t),
          start: gdp.start + 1,
          end: gdp.end + 1,
        });
      writeFileSync(reviewsFile, text);

      const run = runCli([
        "--in",
        raw,
        "--out",
        out,
        "--regions",
        REGIONS,
        "--reviews",
        reviewsFile,
      ]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain(
        `reviews from ${reviewsFile}: 4 decisions read, 3 applied, 1 stale, 1 applied to nothing`,
      );
      expect(run.stderr).toMatch(/now reads differently[^\n]*\n {2}jm-review-\d+-gdp {2}1350亿元/);
      expect(run.stderr).toContain(
        `${reviewsFile} line 5: correct 1350亿元 in jm-review: ${gdp.start + 1}–${gdp.end + 1} of jm-review no longer holds "1350亿元"`,
      );
      expect(readFileSync(reviewsFile, "utf8")).toBe(text);

      const rows = strictFacts(out);
      expect(rows.map((r) => Number(r.start))).toEqual(
        [...rows.map((r) => Number(r.start))].sort((a, b) => a - b),
      );
      expect(rows.find((r) => r.id === gdp.id)).toMatchObject({
        value: String(gdp.value),
        review: "stale",
      });
      expect(rows.find((r) => r.id === growth.id)).toMatchObject({ review: "confirmed" });
      const addedRow = rows.find((r) => r.review === "added");
      expect(addedRow).toMatchObject({
        indicator: "output_value",
        region: added.region,
        period: added.period,
        value: "9500000000",
        unit: "CNY",
        subject: "旅游",
        source: "jm-review",
        published: "2024-02-01",
        text: "95亿元",
        quote: "全区全年接待游客1200万人次，旅游总收入95亿元。",
        start: String(start),
        end: String(start + 4),
      });
      expect(addedRow!.id).not.toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("reads data/reviews.csv when --in is left at its default, and not otherwise", () => {
    const dir = tempDir("reviews-default");
    try {
      writeReviewedDocument(join(dir, "data", "raw"));
      copyFileSync(REGIONS, join(dir, "data", "regions.csv"));
      const run = (args: string[]) =>
        spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: "utf8" });
      const plain = run(["--out", "plain.csv", "--jobs", "1"]);
      expect(plain.status, plain.stderr).toBe(0);
      expect(plain.stderr).not.toContain("reviews from");
      const gdp = strictFacts(join(dir, "plain.csv"))
        .map(asFact)
        .find((f) => f.indicator === "gdp")!;
      writeFileSync(
        join(dir, "data", "reviews.csv"),
        reviewsHeader() + reviewToCsvLine(decisionAbout(gdp, "reject", "2026-12-08T09:30:00Z")),
      );

      // Every default: data/raw in, data/indicators.csv out, data/regions.csv, data/reviews.csv.
      const defaults = run([]);
      expect(defaults.status, defaults.stderr).toBe(0);
      expect(defaults.stderr).toContain(
        "reviews from data/reviews.csv: 1 decision read, 1 applied",
      );
      const ids = strictFacts(join(dir, "data", "indicators.csv")).map((r) => r.id);
      expect(ids).not.toContain(gdp.id);
      expect(ids.length).toBeGreaterThan(0);

      // --in given (even the default folder by name): no reviews unless --reviews names them.
      const named = run(["--in", "data/raw", "--out", "named.csv"]);
      expect(named.status, named.stderr).toBe(0);
      expect(named.stderr).not.toContain("reviews from");
      expect(strictFacts(join(dir, "named.csv")).map((r) => r.id)).toContain(gdp.id);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
