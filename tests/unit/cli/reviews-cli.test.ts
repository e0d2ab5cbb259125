// `npm run extract` with a reviews file: decisions applied on every run, written in the review
// column, the ones that find nothing named in the report, and the file never changed.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
import { copySeeds, REGIONS, runCli, runCliAsync, tempDir } from "./helpers.ts";

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
