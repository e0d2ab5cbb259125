// The contract CSV: header, column order, quoting, and a faithful round trip of hostile values.
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvHeader, factsToCsv, factsToCsvRows } from "../../../extract/lib/csv.ts";
import { FACT_COLUMNS, type Fact } from "../../../extract/lib/types.ts";

const fact = (fields: Partial<Fact>): Fact => ({
  id: "d-10-gdp",
  indicator: "gdp",
  region: "jiangmen",
  period: "2023",
  value: 50323000000,
  unit: "CNY",
  qualifier: "exact",
  kind: "actual",
  subject: "",
  source: "d",
  published: "2024-01",
  text: "503.23亿元",
  quote: "全市地区生产总值503.23亿元。",
  start: 10,
  end: 18,
  ...fields,
});

describe("contract CSV", () => {
  it("starts with the columns of the contract, in order", () => {
    expect(csvHeader()).toBe(FACT_COLUMNS.join(",") + "\n");
    expect(factsToCsv([])).toBe(csvHeader());
    expect(factsToCsvRows([])).toBe("");
  });

  it("writes one row per fact, numbers as plain digits", () => {
    expect(factsToCsvRows([fact({})])).toBe(
      "d-10-gdp,gdp,jiangmen,2023,50323000000,CNY,exact,actual,,d,2024-01,503.23亿元,全市地区生产总值503.23亿元。,10,18,\n",
    );
    // A fact a person decided about carries its state in the last column.
    expect(factsToCsvRows([fact({ review: "corrected" })])).toMatch(/,10,18,corrected\n$/);
  });

  it("round-trips commas, quotes, CR, LF, leading spaces and formula-like text unchanged", () => {
    const hostile = [
      fact({ quote: '他说："增长11.3%",全年,' }),
      fact({ quote: "第一行\r\n第二行\r第三行\n", subject: " 前后空格 " }),
      fact({ subject: '=HYPERLINK("x")', text: "+1", quote: "-2,@3" }),
    ];
    const csv = factsToCsv(hostile);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => [r.quote, r.subject, r.text])).toEqual(
      hostile.map((f) => [f.quote, f.subject, f.text]),
    );
  });

  it("gives the same bytes for the same facts", () => {
    const facts = [fact({}), fact({ id: "d-20-gdp", start: 20, end: 25 })];
    expect(factsToCsv(facts)).toBe(factsToCsv(structuredClone(facts)));
  });
});
