// Property tests: the parsers and extractDocument never throw on arbitrary text, every value is
// finite and every offset lies inside the document.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { findNumbers } from "../../../extract/lib/numbers.ts";
import { findPeriods } from "../../../extract/lib/periods.ts";
import { buildGazetteer, findPlaces } from "../../../extract/lib/regions.ts";
import { normalize } from "../../../extract/lib/normalize.ts";
import {
  extractDocument,
  INDICATORS,
  KINDS,
  QUALIFIERS,
  UNITS,
} from "../../../extract/lib/index.ts";
import { jiangmenRegions } from "./helpers.ts";

// Pieces that make the grammar fire: numerals, units, cue words, places, periods, punctuation.
const PIECES = [
  "0",
  "1",
  "2",
  "5",
  "9",
  ".",
  ",",
  "，",
  "。",
  "、",
  "；",
  "\n",
  "\n\n",
  "#",
  "**",
  " ",
  "％",
  "%",
  "１",
  "．",
  "一",
  "两",
  "十",
  "百",
  "千",
  "万",
  "亿",
  "元",
  "个",
  "家",
  "项",
  "多",
  "余",
  "约",
  "超",
  "近",
  "以上",
  "以下",
  "左右",
  "至",
  "—",
  "-",
  "年",
  "月",
  "日",
  "季度",
  "上半年",
  "前三季度",
  "今年",
  "去年",
  "以来",
  "近五年",
  "2021年",
  "1—2月",
  "地区生产总值",
  "GDP",
  "规上工业增加值",
  "固定资产投资",
  "总投资",
  "计划总投资",
  "投资",
  "项目",
  "企业",
  "产值",
  "进出口",
  "分别",
  "增长",
  "同比增长",
  "下降",
  "增速",
  "预计",
  "力争",
  "将",
  "达产后",
  "全区",
  "全市",
  "区委书记",
  "江门",
  "江海",
  "恩平",
  "东部",
  "东西部",
  "蓬江区",
  "拱北",
  "对",
  "和",
  "的",
  "“",
  "”",
  "\uD800",
  "\uDC00",
  "\u3000",
  "\uFEFF",
  "\r",
];
const cjkText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.string({ maxLength: 3 }),
      fc.string({ unit: "binary", maxLength: 3 }),
    ),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(""));
const pub = fc.option(
  fc
    .tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => ({ year: y, month: m })),
  { nil: undefined },
);

const gaz = buildGazetteer(jiangmenRegions);

describe("properties", () => {
  it("findNumbers: no throw, finite values, offsets inside", () => {
    fc.assert(
      fc.property(cjkText, (text) => {
        for (const t of findNumbers(text)) {
          expect(Number.isFinite(t.value)).toBe(true);
          expect(
            0 <= t.start && t.start <= t.numStart && t.numStart < t.end && t.end <= text.length,
          ).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("findPeriods: no throw, labels in the grammar, offsets inside", () => {
    const grammar =
      /^(\d{4}(-(Q[1-4]|H[12]|\d{2}(-\d{2})?))?)(\/\d{4}(-(Q[1-4]|H[12]|\d{2}(-\d{2})?))?)?$/;
    fc.assert(
      fc.property(cjkText, pub, (text, p) => {
        for (const m of findPeriods(text, p)) {
          expect(m.label === "" || grammar.test(m.label)).toBe(true);
          expect(0 <= m.start && m.start < m.end && m.end <= text.length).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("findPlaces: no throw, offsets inside", () => {
    fc.assert(
      fc.property(cjkText, (text) => {
        for (const m of findPlaces(gaz, text))
          expect(0 <= m.start && m.start < m.end && m.end <= text.length).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("normalize: never longer, map increasing and inside", () => {
    fc.assert(
      fc.property(cjkText, (text) => {
        const n = normalize(text);
        expect(n.text.length).toBeLessThanOrEqual(text.length);
        for (let i = 1; i < n.text.length; i++) expect(n.map[i]!).toBeGreaterThan(n.map[i - 1]!);
        expect(n.map[n.text.length]).toBe(text.length);
      }),
      { numRuns: 300 },
    );
  });

  it("extractDocument: no throw, grounded facts in the vocabulary", () => {
    const regionKeys = new Set(jiangmenRegions.map((r) => r.key));
    fc.assert(
      fc.property(
        cjkText,
        fc.option(fc.constantFrom("2022-04", "2023-07-01", "bad"), { nil: undefined }),
        (text, published) => {
          const { facts } = extractDocument(
            { id: "p", text, published },
            { regions: jiangmenRegions },
          );
          const ids = new Set<string>();
          for (const f of facts) {
            expect(Number.isFinite(f.value)).toBe(true);
            expect(0 <= f.start && f.start < f.end && f.end <= text.length).toBe(true);
            expect(text.slice(f.start, f.end)).toBe(f.text);
            expect(INDICATORS).toContain(f.indicator);
            expect(UNITS).toContain(f.unit);
            expect(QUALIFIERS).toContain(f.qualifier);
            expect(KINDS).toContain(f.kind);
            expect(regionKeys.has(f.region)).toBe(true);
            expect(ids.has(f.id)).toBe(false);
            ids.add(f.id);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("extractDocument: any region table, even a strange one, gives facts only about its keys", () => {
    const name = fc.oneof(
      fc.constantFrom("江门", "江海", "区", "市", "东部", "全区", "1", "亿元"),
      fc.string({ maxLength: 4 }),
    );
    const table = fc.uniqueArray(
      fc.record({
        key: fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/),
        name,
        aliases: fc.array(name, { maxLength: 4 }),
        parent: fc.constantFrom("", "root"),
      }),
      { selector: (r) => r.key, minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(table, cjkText, (rows, text) => {
        const regions = rows.map((r) => ({ ...r, adcode: "", members: [] as string[] }));
        const keys = new Set(regions.map((r) => r.key));
        const { facts } = extractDocument({ id: "t", text, published: "2024-03" }, { regions });
        for (const f of facts) {
          expect(keys.has(f.region)).toBe(true);
          expect(text.slice(f.start, f.end)).toBe(f.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("signed rates: 增长-x%, 增速为-x% and 下降x% give negative growth, 增长x% positive", () => {
    const minus = fc.constantFrom("-", "－", "−");
    fc.assert(
      fc.property(
        fc.constantFrom("蓬江区", "江海区", "新会区", "台山市", "开平市", "鹤山市", "恩平市"),
        fc.integer({ min: -999, max: 999 }).filter((n) => n !== 0),
        fc.constantFrom("增长", "增速为", "同比增长", "下降"),
        minus,
        (place, tenths, cue, sign) => {
          const rate = Math.abs(tenths) / 10;
          // A decline states the size of the fall; the other cues state the signed rate.
          const written = cue === "下降" ? `${rate}%` : tenths < 0 ? `${sign}${rate}%` : `${rate}%`;
          const { facts } = extractDocument(
            {
              id: "s",
              text: `2023年，${place}规模以上工业增加值${cue}${written}。`,
              published: "2024-03",
            },
            { regions: jiangmenRegions },
          );
          expect(facts).toHaveLength(1);
          expect(facts[0]!.indicator).toBe("industrial_value_added_growth");
          expect(facts[0]!.value).toBe(cue === "下降" ? -rate : tenths / 10);
          expect(facts[0]!.text).toBe(written);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds facts in generated sentences of the expected shape", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("蓬江区", "江海区", "新会区", "台山市", "开平市", "鹤山市", "恩平市"),
        fc.integer({ min: 1, max: 99999 }),
        fc.integer({ min: 0, max: 99 }),
        (place, whole, frac) => {
          const amount = `${whole}.${String(frac).padStart(2, "0")}`;
          const { facts } = extractDocument(
            {
              id: "g",
              text: `2023年，${place}固定资产投资${amount}亿元，同比增长${frac}.5%。`,
              published: "2024-03",
            },
            { regions: jiangmenRegions },
          );
          expect(facts.map((f) => f.indicator)).toEqual([
            "fixed_asset_investment",
            "fixed_asset_investment_growth",
          ]);
          expect(facts[0]!.value).toBe(Math.round((whole + frac / 100) * 1e8));
          expect(facts[1]!.value).toBe(frac + 0.5);
        },
      ),
      { numRuns: 200 },
    );
  });
});
