// The scorer on tiny hand-made gold/prediction pairs, and against the reference score.mjs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  maximumMatching,
  periodBounds,
  readGoldDir,
  rowMatches,
  scoreRows,
  type GoldRow,
  type PredRow,
} from "../../../scripts/score.ts";

const gold = (fields: Partial<GoldRow>): GoldRow => ({
  doc: "d1",
  indicator: "gdp",
  region: "xinhui",
  period: "2022",
  value: "100000000",
  unit: "CNY",
  qualifier: "exact",
  kind: "actual",
  subject: "",
  required: "yes",
  note: "",
  ...fields,
});

const pred = (fields: Partial<PredRow>): PredRow => ({
  source: "d1",
  indicator: "gdp",
  region: "xinhui",
  period: "2022",
  value: "100000000",
  qualifier: "exact",
  kind: "actual",
  ...fields,
});

describe("periodBounds", () => {
  it("gives the first and last day of every period form", () => {
    expect(periodBounds("2024")).toEqual([20240101, 20241231]);
    expect(periodBounds("2024-Q1")).toEqual([20240101, 20240331]);
    expect(periodBounds("2023-Q4")).toEqual([20231001, 20231231]);
    expect(periodBounds("2024-H2")).toEqual([20240701, 20241231]);
    expect(periodBounds("2024-02")).toEqual([20240201, 20240229]);
    expect(periodBounds("2023-02")).toEqual([20230201, 20230228]);
    expect(periodBounds("2024-03-05")).toEqual([20240305, 20240305]);
    expect(periodBounds("2024-01/2024-02")).toEqual([20240101, 20240229]);
    expect(periodBounds("2018/2022")).toEqual([20180101, 20221231]);
  });

  it("refuses what is not a period", () => {
    for (const bad of [
      "",
      "2024-13",
      "2024-Q5",
      "2023-02-29",
      "24",
      "2024/",
      "2022/2018",
      "2020/2021/2022",
    ]) {
      expect(periodBounds(bad), bad).toBeNull();
    }
  });
});

describe("rowMatches", () => {
  it("matches a value within 0.5 % and not beyond", () => {
    expect(rowMatches(pred({ value: "100400000" }), gold({}), false)).toBe(true);
    expect(rowMatches(pred({ value: "99500000" }), gold({}), false)).toBe(true);
    expect(rowMatches(pred({ value: "100600000" }), gold({}), false)).toBe(false);
    expect(rowMatches(pred({ value: "" }), gold({ value: "0" }), false)).toBe(false);
  });

  it("does not match another indicator, region, or a period that does not overlap", () => {
    expect(rowMatches(pred({ indicator: "gdp_growth" }), gold({}), false)).toBe(false);
    expect(rowMatches(pred({ region: "jiangmen" }), gold({}), false)).toBe(false);
    expect(rowMatches(pred({ period: "2021" }), gold({}), false)).toBe(false);
    expect(rowMatches(pred({ period: "2023-Q1" }), gold({ period: "2022-Q4" }), false)).toBe(false);
  });

  it("takes any of the alternatives a gold cell lists", () => {
    const g = gold({
      region: "pengjiang|enping",
      kind: "estimate|actual",
      qualifier: "approx|exact",
    });
    expect(rowMatches(pred({ region: "enping" }), g, true)).toBe(true);
    expect(rowMatches(pred({ region: "pengjiang", kind: "estimate" }), g, true)).toBe(true);
    expect(rowMatches(pred({ region: "kaiping" }), g, false)).toBe(false);
    expect(rowMatches(pred({ region: "enping", kind: "target" }), g, true)).toBe(false);
  });

  it("asks overlapping periods when lenient, the same period and qualifier and kind when strict", () => {
    const quarter = pred({ period: "2022-Q1" });
    expect(rowMatches(quarter, gold({}), false)).toBe(true);
    expect(rowMatches(quarter, gold({}), true)).toBe(false);
    expect(rowMatches(pred({ qualifier: "approx" }), gold({}), false)).toBe(true);
    expect(rowMatches(pred({ qualifier: "approx" }), gold({}), true)).toBe(false);
    expect(rowMatches(pred({ kind: "target" }), gold({}), true)).toBe(false);
    expect(rowMatches(pred({}), gold({ period: "2018/2022" }), false)).toBe(true);
    expect(rowMatches(pred({}), gold({ period: "2018/2022" }), true)).toBe(false);
  });

  it("asks the same span when strict, however it is spelled (the contract's Scoring)", () => {
    // 2022-H1 and 2022-01/2022-06 are one span; so are 2022 and 2022-01/2022-12.
    const half = gold({ period: "2022-H1" });
    expect(rowMatches(pred({ period: "2022-01/2022-06" }), half, true)).toBe(true);
    expect(rowMatches(pred({ period: "2022-H1" }), gold({ period: "2022-01/2022-06" }), true)).toBe(
      true,
    );
    expect(rowMatches(pred({ period: "2022-01/2022-12" }), gold({}), true)).toBe(true);
    expect(rowMatches(pred({ period: "2022-Q1/2022-Q2" }), half, true)).toBe(true);
    expect(
      rowMatches(pred({ period: "2022-Q2/2022-Q3" }), gold({ period: "2022-04/2022-09" }), true),
    ).toBe(true);
    // An overlapping span that is not the same stays a strict miss, alternatives too.
    expect(rowMatches(pred({ period: "2022-01/2022-05" }), half, true)).toBe(false);
    expect(rowMatches(pred({ period: "2022-H1" }), gold({ period: "2022|2022-Q1" }), true)).toBe(
      false,
    );
    expect(
      rowMatches(pred({ period: "2022-H1" }), gold({ period: "2022|2022-01/2022-06" }), true),
    ).toBe(true);
    // What is no period matches nothing.
    expect(rowMatches(pred({ period: "2022-H3" }), gold({ period: "2022-H3" }), true)).toBe(false);
  });
});

describe("maximumMatching", () => {
  it("reassigns a row along an augmenting path", () => {
    // Fact 0 could take row 0 or 1; fact 1 only row 0. Greedy would strand fact 1.
    expect(maximumMatching([[0, 1], [0]], 2)).toEqual([1, 0]);
  });

  it("leaves a fact unmatched when its only row serves another", () => {
    expect(maximumMatching([[0], [0]], 1)).toEqual([0, -1]);
  });
});

describe("scoreRows", () => {
  it("counts recall over required facts and precision over the rows of scored documents", () => {
    const facts = [
      gold({}),
      gold({ indicator: "gdp_growth", value: "5.2", unit: "percent" }),
      gold({ indicator: "output_value", value: "3000", required: "optional" }),
    ];
    const rows = [
      pred({}),
      pred({ indicator: "output_value", value: "3000" }),
      pred({ indicator: "trade_value", value: "7" }),
      pred({ source: "other-doc", indicator: "trade_value" }),
    ];
    const score = scoreRows(facts, rows, false);
    expect(score).toMatchObject({ required: 2, found: 1, predicted: 3, correct: 2 });
    expect(score.recall).toBeCloseTo(1 / 2);
    expect(score.precision).toBeCloseTo(2 / 3);
    expect(score.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5));
    expect(score.misses.map((m) => m.indicator)).toEqual(["gdp_growth"]);
    expect(score.unmatched.map((u) => u.indicator)).toEqual(["trade_value"]);
  });

  it("neither misses an absent optional fact nor counts it as required", () => {
    const score = scoreRows(
      [gold({ required: "optional" }), gold({ value: "5" })],
      [pred({ value: "5" })],
      false,
    );
    expect(score).toMatchObject({ required: 1, found: 1, predicted: 1, correct: 1 });
  });

  it("counts a fact found when a row it shares matches it, and says how many match one to one", () => {
    const score = scoreRows([gold({}), gold({ note: "the same fact again" })], [pred({})], false);
    expect(score.found).toBe(2);
    expect(score.foundOneToOne).toBe(1);
  });

  it("scores zero when nothing is predicted", () => {
    const score = scoreRows([gold({})], [], true);
    expect(score).toMatchObject({ precision: 0, recall: 0, f1: 0, required: 1, found: 0 });
  });
});

// What the contract's score.mjs said about two fixed predictions (the real extraction and a
// damaged copy of it), recorded by scripts/record-reference-scores.ts so this runs anywhere.
const REFERENCE_DIR = "tests/fixtures/score-reference";
type ReferenceCounts = { req: number; found: number; pred: number; good: number; f1: number };
const reference = JSON.parse(readFileSync(join(REFERENCE_DIR, "reference.json"), "utf8")) as Record<
  "real" | "damaged",
  Record<"lenient" | "strict", ReferenceCounts>
>;

describe("agreement with the reference score.mjs", async () => {
  const goldRows = await readGoldDir("tests/fixtures/gold");
  for (const name of ["real", "damaged"] as const) {
    for (const mode of ["lenient", "strict"] as const) {
      it(`${name} prediction, ${mode}: same counts and F1`, () => {
        const rows = Papa.parse<PredRow>(readFileSync(join(REFERENCE_DIR, `${name}.csv`), "utf8"), {
          header: true,
          skipEmptyLines: true,
        }).data;
        const ours = scoreRows(goldRows, rows, mode === "strict");
        const theirs = reference[name][mode];
        expect({
          req: ours.required,
          found: ours.found,
          pred: ours.predicted,
          good: ours.correct,
        }).toEqual({ req: theirs.req, found: theirs.found, pred: theirs.pred, good: theirs.good });
        expect(ours.f1).toBeCloseTo(theirs.f1, 12);
      });
    }
  }

  it("the damaged prediction really scores below the real one", () => {
    expect(reference.damaged.strict.f1).toBeLessThan(reference.real.strict.f1);
    expect(reference.damaged.lenient.found).toBeLessThan(reference.damaged.lenient.req);
  });
});
