// A fact a person gave (a correction or an addition) checked as a row of the contract is: the
// indicator and its unit agree, the period parses, the region is in the table, the value is a
// number, a count is whole and an amount in CNY is whole yuan. Pure; the dashboard's form and the extractor's reading of
// data/reviews.csv share it, so the form refuses exactly what a run would refuse.
import { INDICATOR_RECORDS, INDICATOR_UNIT } from "./indicatorRecords.ts";
import { INDICATORS, KINDS, QUALIFIERS, type Indicator } from "./types.ts";

/** The fields of a fact a person can give, as text (a form's inputs, a CSV row's cells). */
export interface FactFieldsInput {
  indicator: string;
  region: string;
  period: string;
  value: string;
  unit: string;
  qualifier: string;
  kind: string;
  subject: string;
}

export type FactField = keyof FactFieldsInput;

/** One refused field: which, and why in plain words. */
export interface FieldProblem {
  field: FactField;
  message: string;
}

const SINGLE = /^(\d{4})(?:-(?:Q([1-4])|H([12])|(0[1-9]|1[0-2])(?:-(\d{2}))?))?$/;

/** The first and last day of a single period label as comparable numbers, or null. */
function singleSpan(label: string): [number, number] | null {
  const m = SINGLE.exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2200) return null;
  const day = (month: number, d: number) => year * 10000 + month * 100 + d;
  if (m[2]) return [day(3 * Number(m[2]) - 2, 1), day(3 * Number(m[2]), 31)];
  if (m[3]) return [day(6 * Number(m[3]) - 5, 1), day(6 * Number(m[3]), 31)];
  if (m[4]) {
    const month = Number(m[4]);
    if (!m[5]) return [day(month, 1), day(month, 31)];
    const d = Number(m[5]);
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return d >= 1 && d <= last ? [day(month, d), day(month, d)] : null;
  }
  return [day(1, 1), day(12, 31)];
}

/** True for a period of the contract's grammar: YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM, YYYY-MM-DD, A/B. */
export function isPeriodLabel(label: string): boolean {
  const parts = label.split("/");
  if (parts.length > 2) return false;
  const spans = parts.map(singleSpan);
  if (spans.some((s) => s === null)) return false;
  return spans.length === 1 || spans[0]![0] <= spans[1]![1];
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const isOneOf = (list: readonly string[], s: string) => list.includes(s);

/**
 * Every field of `input` that a contract row could not have, in the order of the form. An empty
 * unit is taken as the indicator's own; an empty qualifier or kind as exact and actual.
 */
export function checkFactFields(
  input: FactFieldsInput,
  regionKeys: ReadonlySet<string>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const bad = (field: FactField, message: string) => problems.push({ field, message });
  const indicator = input.indicator.trim();
  const known = isOneOf(INDICATORS, indicator);
  if (!known) bad("indicator", `"${indicator}" is not an indicator of the contract`);
  const region = input.region.trim();
  if (!regionKeys.has(region)) bad("region", `"${region}" is not a region of the region table`);
  const period = input.period.trim();
  if (!isPeriodLabel(period)) {
    bad("period", `"${period}" is not a period (YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM, YYYY-MM-DD, A/B)`);
  }
  const rawValue = input.value.trim();
  const value = NUMBER.test(rawValue) ? Number(rawValue) : NaN;
  if (!Number.isFinite(value)) bad("value", `"${rawValue}" is not a number`);
  const unit = input.unit.trim();
  const expected = known ? INDICATOR_UNIT[indicator as Indicator] : undefined;
  if (expected && unit && unit !== expected) {
    bad("unit", `${indicator} is stated in ${expected}, not "${unit}"`);
  }
  if (expected === "count" && Number.isFinite(value) && !Number.isInteger(value)) {
    bad("value", `a count is whole: "${rawValue}"`);
  }
  // The contract states money in whole yuan (503.23亿元 → 50323000000): 12.5 is no such value.
  if (expected === "CNY" && Number.isFinite(value) && !Number.isInteger(value)) {
    bad("value", `an amount in CNY is in whole yuan: "${rawValue}"`);
  }
  const qualifier = input.qualifier.trim();
  if (qualifier && !isOneOf(QUALIFIERS, qualifier)) {
    bad("qualifier", `"${qualifier}" is not one of ${QUALIFIERS.join(", ")}`);
  }
  const kind = input.kind.trim();
  if (kind && !isOneOf(KINDS, kind)) bad("kind", `"${kind}" is not one of ${KINDS.join(", ")}`);
  return problems;
}

/** A value outside its indicator's plausible range: which field, the value, and the range. */
export interface Implausible {
  field: "value";
  value: number;
  unit: string;
  low: number;
  high: number;
}

/**
 * The value of `input` when it lies outside the plausible range of its indicator's record
 * (extract/lexicon/indicators.json), else null: a 3500 % growth, a GDP of 0.001 亿元. A warning
 * for the person to confirm, never a refusal; a field checkFactFields refuses is not judged here.
 */
export function implausibleValue(input: FactFieldsInput): Implausible | null {
  const record = INDICATOR_RECORDS.find((r) => r.key === input.indicator.trim());
  const raw = input.value.trim();
  if (!record || !NUMBER.test(raw)) return null;
  const value = Number(raw);
  const [low, high] = record.plausible;
  if (value >= low && value <= high) return null;
  return { field: "value", value, unit: record.unit, low, high };
}
