import { describe, expect, test } from "vitest";
import { FACT_COLUMNS, mapHeader, validateRow } from "../../../src/model/contract.ts";
import { describeReason } from "../../../src/i18n/dictionary.ts";
import { GOOD_ROW, REGIONS } from "./fixtures.ts";

const { index } = mapHeader([...FACT_COLUMNS]);
const good = GOOD_ROW;
const row = (change: Record<string, string> = {}) =>
  FACT_COLUMNS.map((c) => ({ ...good, ...change })[c] ?? "");

describe("validateRow", () => {
  test("a contract row becomes a typed fact with its period resolved", () => {
    const checked = validateRow(row(), index, REGIONS, 7, 0);
    expect("fact" in checked && checked.fact).toMatchObject({
      line: 7,
      indicator: "gdp",
      value: 50323000000,
      start: 10,
      end: 18,
    });
  });

  test("white space around any cell is dropped, ASCII or not", () => {
    const checked = validateRow(
      row({
        id: " a1\t",
        indicator: "\u3000gdp",
        region: "taishan\u00a0",
        value: " 12 ",
        subject: "\u3000项目\u3000",
        quote: "句子。 ",
        published: "\uFEFF2022-05",
      }),
      index,
      REGIONS,
      7,
      0,
    );
    expect("fact" in checked && checked.fact).toMatchObject({
      id: "a1",
      indicator: "gdp",
      region: "taishan",
      value: 12,
      subject: "项目",
      quote: "句子。",
      published: "2022-05",
    });
  });

  test.each([
    [{ indicator: "happiness" }, /unknown indicator "happiness"/],
    [{ region: "atlantis" }, /unknown region "atlantis"/],
    [{ period: "2022-Q5" }, /period "2022-Q5"/],
    [{ value: "lots" }, /value "lots" is not a number/],
    [{ value: "" }, /value "" is not a number/],
    [{ value: "1e999" }, /not a number/],
    [{ unit: "percent" }, /unit "percent" should be CNY/],
    [{ qualifier: "maybe" }, /unknown qualifier/],
    [{ kind: "guess" }, /unknown kind/],
    [{ start: "9", end: "3" }, /offsets/],
    [{ published: "May 2022" }, /published/],
  ])("%j is refused with a reason", (change, reason) => {
    const checked = validateRow(row(change), index, REGIONS, 3, 0);
    expect("problem" in checked).toBe(true);
    if ("problem" in checked) {
      expect(checked.problem.line).toBe(3);
      const words = checked.problem.reasons.map((r) => describeReason("en", r)).join("; ");
      expect(words).toMatch(reason);
      expect(checked.problem.reasons.map((r) => describeReason("zh", r)).join("")).toMatch(
        /[\u4e00-\u9fff]/,
      );
    }
  });

  test("every broken field is named, not just the first", () => {
    const checked = validateRow(
      row({ indicator: "x", region: "y", value: "z" }),
      index,
      REGIONS,
      2,
      0,
    );
    expect("problem" in checked && checked.problem.reasons).toHaveLength(3);
  });

  test("a negative value is a number", () => {
    const checked = validateRow(
      row({ indicator: "gdp_growth", unit: "percent", value: "-2.4" }),
      index,
      REGIONS,
      2,
      0,
    );
    expect("fact" in checked && checked.fact.value).toBe(-2.4);
  });

  test("a header without contract columns names them", () => {
    expect(mapHeader(["id", "indicator"]).missing).toContain("region");
    expect(mapHeader(["\uFEFFid", ...FACT_COLUMNS.slice(1)]).missing).toEqual([]);
  });
});
