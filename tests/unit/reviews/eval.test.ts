// `npm run eval -- --reviews`: the raw extractor scored against a person's decisions on a folder.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  decisionAbout,
  extractDocument,
  parseRegionTable,
  reviewsHeader,
  reviewToCsvLine,
} from "../../../extract/lib/index.ts";
import { evaluateReviews } from "../../../extract/node/reviewEval.ts";
import { REGIONS, tempDir } from "../cli/helpers.ts";
import { readFileSync } from "node:fs";

// Written for this test.
const TEXT = "2023年，台山市地区生产总值503.23亿元，同比增长5.1%。开平市新建厂房20栋。";

describe("evaluateReviews", () => {
  it("counts right-as-extracted over checked and over what a person says is there", async () => {
    const dir = tempDir("reviews-eval");
    try {
      mkdirSync(join(dir, "raw"));
      writeFileSync(join(dir, "raw", "a.txt"), TEXT);
      writeFileSync(
        join(dir, "raw", "sources.csv"),
        "file,published,title,publisher,url\na.txt,2024-03,,,\n",
      );
      copyFileSync(REGIONS, join(dir, "regions.csv"));
      const { regions } = parseRegionTable(readFileSync(REGIONS, "utf8"));
      const facts = extractDocument(
        { id: "a", text: TEXT, published: "2024-03" },
        { regions },
      ).facts;
      // The premise: the extractor reads the two figures and not the count in 栋.
      expect(facts.map((f) => f.text)).toEqual(["503.23亿元", "5.1%"]);
      const [first, second] = facts;
      const t = "2026-12-07T10:00:00+08:00";
      const missed = TEXT.indexOf("20栋");
      writeFileSync(
        join(dir, "reviews.csv"),
        reviewsHeader() +
          reviewToCsvLine(decisionAbout(first!, "confirm", t)) +
          reviewToCsvLine(decisionAbout(second!, "correct", t, { ...second!, value: 5.2 })) +
          reviewToCsvLine({
            ...decisionAbout(first!, "confirm", t),
            action: "add",
            factId: "",
            start: missed,
            end: missed + 3,
            text: "20栋",
            indicator: "project_count",
            unit: "count",
            region: "kaiping",
            value: 20,
          }) +
          reviewToCsvLine({ ...decisionAbout(first!, "reject", t), source: "gone" }),
      );
      const result = await evaluateReviews(
        join(dir, "raw"),
        join(dir, "regions.csv"),
        join(dir, "reviews.csv"),
      );
      expect(result.problems).toEqual([]);
      // Checked: the confirmed and the corrected fact; right: the confirmed one. Truth: those two
      // and the addition the extractor missed.
      expect(result.score).toEqual({ checked: 2, right: 1, truth: 3 });
      expect(result.checks.map((c) => [c.last.action, c.extracted?.text ?? null])).toEqual([
        ["confirm", "503.23亿元"],
        ["correct", "5.1%"],
        ["add", null],
      ]);
      expect(result.unapplied.map((u) => u.reason)).toEqual([
        `the document gone is not in ${join(dir, "raw")}`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
