// Runs the extractor over every article in data/raw (with the dates of sources.csv) and checks
// what must hold of any output, whatever the gold says: grounding, unique ids, order, the
// contract's vocabulary, finite values and periods in the grammar.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import {
  extractDocument,
  INDICATORS,
  KINDS,
  parseRegionTable,
  QUALIFIERS,
  UNITS,
} from "../../extract/lib/index.ts";

const data = new URL("../../data/", import.meta.url);
const { regions } = parseRegionTable(readFileSync(new URL("regions.csv", data), "utf8"));
const regionKeys = new Set(regions.map((r) => r.key));
const sources = Papa.parse<Record<string, string>>(
  readFileSync(new URL("raw/sources.csv", data), "utf8"),
  {
    header: true,
    skipEmptyLines: true,
  },
).data;
const dates = new Map(sources.map((s) => [(s.file ?? "").replace(/\.[^.]+$/, ""), s.published]));
const files = readdirSync(new URL("raw/", data))
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort();

const PART = String.raw`\d{4}(?:-(?:Q[1-4]|H[12]|(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?))?`;
const PERIOD = new RegExp(`^${PART}(?:/${PART})?$`);
const UNIT_OF: Record<string, string> = {
  gdp: "CNY",
  enterprise_count: "count",
  project_count: "count",
};

describe.each(files)("%s", (file) => {
  const id = file.replace(/\.[^.]+$/, "");
  const text = readFileSync(new URL(`raw/${file}`, data), "utf8").replace(/^\uFEFF/, "");
  const result = extractDocument({ id, text, published: dates.get(id) }, { regions });
  const { facts } = result;

  it("uses the given publication date", () => {
    expect(result.published).toBe(dates.get(id));
    expect(result.publishedGuessed).toBe(false);
  });

  it("grounds every fact in the article", () => {
    for (const f of facts) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      // The quote is the sentence around the number, as written.
      const q = text.lastIndexOf(f.quote, f.start);
      expect(q).toBeGreaterThanOrEqual(0);
      expect(q + f.quote.length).toBeGreaterThanOrEqual(f.end);
      expect(f.source).toBe(id);
      expect(f.published).toBe(result.published);
    }
  });

  it("has unique ids and is sorted by start", () => {
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
    for (let i = 1; i < facts.length; i++)
      expect(facts[i]!.start).toBeGreaterThanOrEqual(facts[i - 1]!.start);
  });

  it("speaks the contract's vocabulary", () => {
    for (const f of facts) {
      expect(INDICATORS).toContain(f.indicator);
      expect(UNITS).toContain(f.unit);
      expect(QUALIFIERS).toContain(f.qualifier);
      expect(KINDS).toContain(f.kind);
      expect(regionKeys.has(f.region)).toBe(true);
      expect(Number.isFinite(f.value)).toBe(true);
      expect(f.period).toMatch(PERIOD);
      const unit = f.indicator.endsWith("growth") ? "percent" : (UNIT_OF[f.indicator] ?? "CNY");
      expect(f.unit).toBe(unit);
    }
  });

  it("is deterministic", () => {
    expect(extractDocument({ id, text, published: dates.get(id) }, { regions })).toEqual(result);
  });

  it("guesses a date in the grammar when none is given", () => {
    const guessed = extractDocument({ id, text }, { regions });
    expect(guessed.publishedGuessed).toBe(true);
    expect(guessed.published).toMatch(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/);
  });
});
