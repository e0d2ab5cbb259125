import { expect, test } from "vitest";
import Papa from "papaparse";
import { factsToCsv, neutraliseFormula, restoreFormula } from "../../../src/model/csvExport.ts";
import { FACT_COLUMNS, type FactRow } from "../../../src/model/contract.ts";

test.each([
  ["=1+2", "'=1+2"],
  ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
  ["-1+2", "'-1+2"],
  ["@SUM(A1)", "'@SUM(A1)"],
  ["\tx", "'\tx"],
  ["\rx", "'\rx"],
  // ASVS 1.2.10 names the NUL character beside = + - @ and tab.
  ["\u0000=1+2", "'\u0000=1+2"],
  ["-2.4", "-2.4"],
  ["-1e5", "-1e5"],
  ["2021", "2021"],
  ["新会区", "新会区"],
  ["", ""],
])("neutraliseFormula(%j) = %j", (input, output) => {
  expect(neutraliseFormula(input)).toBe(output);
});

test("the downloaded CSV keeps the contract columns and neutralises every text field", () => {
  const fact = {
    index: 0,
    line: 2,
    id: "=x",
    indicator: "gdp_growth",
    region: "taishan",
    period: "2021",
    periodStart: 0,
    periodEnd: 0,
    value: -2.4,
    unit: "percent",
    qualifier: "exact",
    kind: "actual",
    subject: '=HYPERLINK("http://evil.example","click")',
    source: "@a",
    published: "2022-05",
    text: "-2.4%",
    quote: "+cmd",
    start: 1,
    end: 5,
    review: "corrected",
  } satisfies FactRow;
  const parsed = Papa.parse<string[]>(factsToCsv([fact]), { skipEmptyLines: true }).data;
  expect(parsed[0]).toEqual([...FACT_COLUMNS]);
  const row = Object.fromEntries(FACT_COLUMNS.map((c, i) => [c, parsed[1]?.[i]]));
  expect(row.value).toBe("-2.4");
  expect(row.subject).toBe(`'=HYPERLINK("http://evil.example","click")`);
  expect(row.id).toBe("'=x");
  expect(row.source).toBe("'@a");
  expect(row.text).toBe("'-2.4%");
  expect(row.quote).toBe("'+cmd");
});

test("the escape is undone on reading, so a download opened again gives the same text", () => {
  for (const text of [
    "=1+2",
    "- 据统计,全市…",
    "'quoted'",
    "''=x",
    "@a",
    "plain",
    "-2.4",
    "'",
    "\u0000x",
    "",
  ]) {
    expect(restoreFormula(neutraliseFormula(text))).toBe(text);
  }
  // Safe in a spreadsheet: nothing escaped starts with a formula character.
  expect(neutraliseFormula("- 据统计")).toBe("'- 据统计");
  expect(neutraliseFormula("'=x")).toBe("''=x");
});
