// One record per indicator in extract/lexicon/indicators.json, read by the extractor and the
// dashboard alike: checked as it loads, and the two sides agree on every unit and name.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import indicatorsJson from "../../../extract/lexicon/indicators.json" with { type: "json" };
import {
  extractDocument,
  INDICATOR_RECORDS,
  INDICATORS,
  parseRegionTable,
} from "../../../extract/lib/index.ts";
import { FAMILIES } from "../../../extract/lib/indicators.ts";
import { readIndicatorRecords } from "../../../extract/lib/indicatorRecords.ts";
import { INDICATOR_GROUPS, INDICATOR_UNIT } from "../../../src/model/contract.ts";
import { displayUnit, groupLabel, indicatorName } from "../../../src/i18n/dictionary.ts";

const REGIONS = parseRegionTable(
  readFileSync(new URL("../../../data/regions.csv", import.meta.url), "utf8"),
).regions;

type Lexicon = Parameters<typeof readIndicatorRecords>[0];
const copy = (): Lexicon => structuredClone(indicatorsJson) as unknown as Lexicon;

describe("the indicator records", () => {
  test("every indicator of the contract has exactly one", () => {
    expect(INDICATOR_RECORDS.map((r) => r.key).sort()).toEqual([...INDICATORS].sort());
  });

  test("a family whose unit differs from its indicator's record fails to load, naming both", () => {
    const lexicon = copy();
    (lexicon.families.enterprise_count as { unit: string }).unit = "CNY";
    expect(() => readIndicatorRecords(lexicon)).toThrow(
      /families\.enterprise_count\.unit "CNY" differs from indicators\.enterprise_count\.unit "count"/,
    );
  });

  test("a missing record, a growth rate not in percent, a count without its word all fail", () => {
    const lexicon = copy();
    delete (lexicon.indicators as Record<string, unknown>).trade_value;
    (lexicon.indicators.gdp_growth as { unit: string }).unit = "CNY";
    delete (lexicon.indicators.project_count as { countZh?: string }).countZh;
    const message = (() => {
      try {
        readIndicatorRecords(lexicon);
        return "";
      } catch (error) {
        return String(error);
      }
    })();
    expect(message).toMatch(/indicators\.trade_value is missing/);
    expect(message).toMatch(/indicators\.gdp_growth\.unit must be "percent"/);
    expect(message).toMatch(/indicators\.project_count: countZh and countEn/);
  });
});

describe("the extractor and the dashboard agree", () => {
  test("the units the extractor binds with are the dashboard's", () => {
    for (const family of FAMILIES.values()) {
      expect(INDICATOR_UNIT[family.value], family.value).toBe(family.unit);
      if (family.growth) expect(INDICATOR_UNIT[family.growth], family.growth).toBe("percent");
    }
  });

  test("the facts the extractor writes carry the unit the dashboard reads them in", () => {
    // Phrasings of our own, one or two per family.
    const text = [
      "2023年，江门市地区生产总值4000亿元，同比增长5%。",
      "2023年，江门市固定资产投资同比增长12%。",
      "2023年，江门市新签约项目25个，总投资300亿元。",
      "截至2023年底，江门市有规模以上工业企业2000家。",
      "2023年，江门市规模以上工业增加值1500亿元，增长4%。",
      "2023年，江门市进出口总额1600亿元，增长3%。",
    ].join("\n");
    const { facts } = extractDocument(
      { id: "records", text, published: "2024-02" },
      { regions: REGIONS },
    );
    const indicators = new Set(facts.map((f) => f.indicator));
    expect(indicators.size).toBeGreaterThanOrEqual(6);
    for (const fact of facts)
      expect(fact.unit, fact.indicator).toBe(INDICATOR_UNIT[fact.indicator]);
  });

  test("the dashboard's names, count words and groups are the records'", () => {
    for (const r of INDICATOR_RECORDS) {
      expect(indicatorName("zh", r.key)).toBe(r.names.zh);
      expect(indicatorName("en", r.key)).toBe(r.names.en);
      if (r.countWord) expect(displayUnit("zh", r.key, r.unit)).toBe(r.countWord.zh);
    }
    expect(INDICATOR_GROUPS.flatMap((g) => g.indicators)).toEqual(
      INDICATOR_RECORDS.map((r) => r.key),
    );
    // Every group has a label of its own in both languages, not its key.
    for (const g of INDICATOR_GROUPS) {
      expect(groupLabel("zh", g.key)).not.toBe(g.key);
      expect(groupLabel("en", g.key)).not.toBe(g.key);
    }
  });
});
