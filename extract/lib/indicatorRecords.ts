// One record per indicator of the contract — unit, group, names in Chinese and English, the word a
// count is read with — from extract/lexicon/indicators.json, where the cue words of its family
// are too. The extractor and the dashboard both read these records; they are checked as they
// load against the contract's list of indicators and against the families the extractor binds
// with, so a unit cannot differ between what the extractor writes and what the dashboard shows.
// The JSON itself, not lexicon.ts: the dashboard's first download holds these records, and
// lexicon.ts would bring every lexicon file and their shapes along. The fields read here are
// checked here; the extractor checks the whole file's shape in lexicon.ts as well.
// Named imports, so the bundler keeps these two keys of the file and leaves its cue words out.
import { families, indicators } from "../lexicon/indicators.json";
import { INDICATORS, UNITS, type Indicator, type Unit } from "./types.ts";

export interface IndicatorRecord {
  key: Indicator;
  unit: Unit;
  /** The picker's group (gdp, investment, projects …). */
  group: string;
  names: { zh: string; en: string };
  /** For a count, the word it is read with: 个/projects, 家/enterprises. */
  countWord: { zh: string; en: string } | null;
  /** [low, high] in the indicator's unit: a value a person gives outside it is warned of before
   * it is kept (a warning, never a refusal: such a value may be right). */
  plausible: readonly [number, number];
}

type RawRecord = {
  unit: string;
  group: string;
  zh: string;
  en: string;
  countZh?: string;
  countEn?: string;
  plausible?: unknown;
};
type RawFamily = { value: string; growth?: string; unit: string };

/** The records of a lexicon, in its order; throws naming every problem found. */
export function readIndicatorRecords(lexicon: {
  indicators: Record<string, RawRecord | string>;
  families: Record<string, RawFamily | string>;
}): IndicatorRecord[] {
  const problems: string[] = [];
  const where = "extract/lexicon/indicators.json";
  const records: IndicatorRecord[] = [];
  for (const [key, raw] of Object.entries(lexicon.indicators)) {
    if (key.startsWith("$") || typeof raw === "string") continue;
    if (!(INDICATORS as readonly string[]).includes(key)) {
      problems.push(`indicators.${key} is not an indicator of the contract`);
      continue;
    }
    for (const field of ["group", "zh", "en"] as const)
      if (typeof raw[field] !== "string" || !raw[field])
        problems.push(`indicators.${key}.${field} must be a non-empty word`);
    if (!(UNITS as readonly string[]).includes(raw.unit))
      problems.push(`indicators.${key}.unit "${raw.unit}" is not one of ${UNITS.join(", ")}`);
    const counted = raw.countZh !== undefined && raw.countEn !== undefined;
    if ((raw.unit === "count") !== counted)
      problems.push(
        `indicators.${key}: countZh and countEn go with unit "count", and only with it`,
      );
    const range = raw.plausible;
    const plausible =
      Array.isArray(range) &&
      range.length === 2 &&
      range.every((n) => typeof n === "number" && Number.isFinite(n)) &&
      (range[0] as number) < (range[1] as number)
        ? ([range[0], range[1]] as [number, number])
        : null;
    if (!plausible)
      problems.push(
        `indicators.${key}.plausible must be [low, high], two numbers in the indicator's unit with low below high`,
      );
    records.push({
      key: key as Indicator,
      unit: raw.unit as Unit,
      group: raw.group,
      names: { zh: raw.zh, en: raw.en },
      countWord: counted ? { zh: raw.countZh!, en: raw.countEn! } : null,
      plausible: plausible ?? [-Infinity, Infinity],
    });
  }
  const byKey = new Map(records.map((r) => [r.key, r]));
  for (const indicator of INDICATORS)
    if (!byKey.has(indicator)) problems.push(`indicators.${indicator} is missing`);
  // The families the extractor binds with state the value's unit; growth is always a percentage.
  const inFamily = new Set<string>();
  for (const [name, family] of Object.entries(lexicon.families)) {
    if (name.startsWith("$") || typeof family === "string") continue;
    const value = byKey.get(family.value as Indicator);
    inFamily.add(family.value);
    if (value && value.unit !== family.unit)
      problems.push(
        `families.${name}.unit "${family.unit}" differs from indicators.${family.value}.unit "${value.unit}"`,
      );
    if (family.growth) {
      inFamily.add(family.growth);
      const growth = byKey.get(family.growth as Indicator);
      if (growth && growth.unit !== "percent")
        problems.push(`indicators.${family.growth}.unit must be "percent" (a growth rate)`);
    }
  }
  for (const r of records)
    if (!inFamily.has(r.key)) problems.push(`indicators.${r.key} belongs to no family`);
  if (problems.length) throw new Error(`${where}: ${problems.join("; ")}`);
  return records;
}

export const INDICATOR_RECORDS: readonly IndicatorRecord[] = readIndicatorRecords({
  indicators,
  families,
});

/** The unit each indicator is stated in, from its record: what a review's unit is checked against. */
export const INDICATOR_UNIT = Object.fromEntries(
  INDICATOR_RECORDS.map((r) => [r.key, r.unit]),
) as Readonly<Record<Indicator, Unit>>;
