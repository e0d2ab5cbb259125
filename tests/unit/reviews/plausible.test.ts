// 补录 and 更正 warn before keeping a value far outside what an indicator usually takes (a growth
// of 3500 %, a GDP of 0.001 亿元): each indicator's record in extract/lexicon/indicators.json
// holds its plausible range, in the contract's unit, as data; the check names the field.
import { describe, expect, test } from "vitest";
import indicatorsJson from "../../../extract/lexicon/indicators.json" with { type: "json" };
import {
  implausibleValue,
  INDICATOR_RECORDS,
  INDICATORS,
  type FactFieldsInput,
} from "../../../extract/lib/index.ts";
import { readIndicatorRecords } from "../../../extract/lib/indicatorRecords.ts";

type Lexicon = Parameters<typeof readIndicatorRecords>[0];
const copy = (): Lexicon => structuredClone(indicatorsJson) as unknown as Lexicon;

const fields = (indicator: string, value: string): FactFieldsInput => ({
  indicator,
  region: "jiangmen",
  period: "2024",
  value,
  unit: "",
  qualifier: "exact",
  kind: "actual",
  subject: "",
});

describe("plausible ranges", () => {
  test("every indicator's record has one, low below high, in its own unit", () => {
    for (const indicator of INDICATORS) {
      const record = INDICATOR_RECORDS.find((r) => r.key === indicator)!;
      expect(record.plausible, indicator).toHaveLength(2);
      expect(record.plausible[0], indicator).toBeLessThan(record.plausible[1]);
    }
  });

  test("a record without a range, or with low above high, fails to load, named", () => {
    const lexicon = copy();
    delete (lexicon.indicators.gdp as { plausible?: unknown }).plausible;
    (lexicon.indicators.trade_growth as { plausible: number[] }).plausible = [300, -80];
    expect(() => readIndicatorRecords(lexicon)).toThrow(/indicators\.gdp\.plausible/);
    expect(() => readIndicatorRecords(lexicon)).toThrow(/indicators\.trade_growth\.plausible/);
  });

  test("warns of a 3500 % growth and a GDP of 0.001 亿元, naming the value field and the range", () => {
    expect(implausibleValue(fields("gdp_growth", "3500"))).toMatchObject({
      field: "value",
      value: 3500,
      unit: "percent",
    });
    const tiny = implausibleValue(fields("gdp", "100000"));
    expect(tiny).toMatchObject({ field: "value", value: 1e5, unit: "CNY" });
    expect(tiny!.low).toBeGreaterThan(1e5);
  });

  test("says nothing of ordinary figures, a fall, a zero growth, or a field the form refuses anyway", () => {
    for (const [indicator, value] of [
      ["gdp", "410000000000"],
      ["gdp", "32000000000"],
      ["gdp_growth", "5.2"],
      ["gdp_growth", "-3.1"],
      ["trade_growth", "0"],
      ["fixed_asset_investment_growth", "-25.4"],
      ["project_count", "51"],
      ["enterprise_count", "145"],
      ["project_investment", "50000000"],
      ["gdp", "not a number"],
      ["no_such_indicator", "1"],
    ])
      expect(implausibleValue(fields(indicator!, value!)), `${indicator} ${value}`).toBeNull();
  });
});
