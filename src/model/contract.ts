// The data contract of data/CONTRACT.md as the dashboard needs it: what each indicator measures,
// in which unit, and how a raw CSV row becomes a typed fact or a named problem.
import {
  FACT_COLUMNS,
  INDICATOR_RECORDS,
  INDICATORS,
  INDICATOR_UNIT,
  KINDS,
  QUALIFIERS,
  REVIEW_STATES,
  type ReviewState,
  type Indicator,
  type Kind,
  type Qualifier,
  type Unit,
} from "../../extract/lib/index.ts";
import { parsePeriod, type DayRange } from "./period.ts";

export {
  FACT_COLUMNS,
  INDICATOR_RECORDS,
  INDICATORS,
  INDICATOR_UNIT,
  KINDS,
  QUALIFIERS,
  REVIEW_STATES,
};
export type { Indicator, Kind, Qualifier, ReviewState, Unit };

export type IndicatorGroup = string;

/** The picker's groups, in the order an economist reads a bulletin: the records' order. */
export const INDICATOR_GROUPS: readonly {
  key: IndicatorGroup;
  indicators: readonly Indicator[];
}[] = [...new Set(INDICATOR_RECORDS.map((r) => r.group))].map((key) => ({
  key,
  indicators: INDICATOR_RECORDS.filter((r) => r.group === key).map((r) => r.key),
}));

const INDICATOR_SET: ReadonlySet<string> = new Set(INDICATORS);
const KIND_SET: ReadonlySet<string> = new Set(KINDS);
const QUALIFIER_SET: ReadonlySet<string> = new Set(QUALIFIERS);
export const isIndicator = (s: string): s is Indicator => INDICATOR_SET.has(s);
export const isKind = (s: string): s is Kind => KIND_SET.has(s);
export const isQualifier = (s: string): s is Qualifier => QUALIFIER_SET.has(s);

/** One validated fact, with its period resolved to a sortable day range. */
export interface FactRow {
  /** Position of the row in its file, for stable ordering and look-ups. */
  index: number;
  /** The file line the row starts on (the header is line 1). */
  line: number;
  id: string;
  indicator: Indicator;
  region: string;
  period: string;
  /** First and last day of the period, as days since 1970-01-01 (UTC calendar). */
  periodStart: number;
  periodEnd: number;
  value: number;
  unit: Unit;
  qualifier: Qualifier;
  kind: Kind;
  subject: string;
  source: string;
  published: string;
  text: string;
  quote: string;
  start: number | null;
  end: number | null;
  /** What a person decided (the `review` column); "" for unchecked or a file without it. */
  review: ReviewState;
}

/** A row that broke the contract, named by its file line so a user can fix it. */
export interface RowProblem {
  line: number;
  reasons: RowReason[];
}

/** Why a field was refused, as data: the page words it in the reader's language. */
export type RowReason =
  | { field: "indicator" | "region" | "qualifier" | "kind"; problem: "unknown"; value: string }
  | { field: "period" | "value" | "published"; problem: "format"; value: string }
  | { field: "unit"; problem: "unit"; value: string; expected: Unit }
  | { field: "offsets"; problem: "range"; value: string }
  | { field: "review"; problem: "unknown"; value: string };

export type Column = (typeof FACT_COLUMNS)[number];

/** Columns a file may lack: `review` came later, and a file written before it is still good. */
const OPTIONAL_COLUMNS: ReadonlySet<Column> = new Set(["review"]);
const REVIEW_SET: ReadonlySet<string> = new Set(REVIEW_STATES);

/** Finds each contract column in a header row; names the ones that are missing. */
export function mapHeader(header: readonly string[]): {
  index: Record<Column, number>;
  missing: Column[];
} {
  const names = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, "") : h).trim());
  const index = {} as Record<Column, number>;
  const missing: Column[] = [];
  for (const column of FACT_COLUMNS) {
    const at = names.indexOf(column);
    index[column] = at;
    if (at < 0 && !OPTIONAL_COLUMNS.has(column)) missing.push(column);
  }
  return { index, missing };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PUBLISHED = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
const OFFSET = /^\d+$/;

// The checks of single fields (given trimmed), shared with the byte-level loader (pieceLoader),
// which works them out once per distinct field and must agree with validateRow to the letter.
/** A trimmed value cell as a number; NaN when it is not a plain decimal number. */
export const parseValue = (raw: string): number => (NUMBER.test(raw) ? Number(raw) : NaN);
/** Whether a trimmed published cell is acceptable (empty, a month or a day). */
export const isPublished = (s: string): boolean => !s || PUBLISHED.test(s);
export const isReviewState = (s: string): s is ReviewState => REVIEW_SET.has(s);

// Outside validateRow, so that no closure is made per row of a million.
const cellAt = (cells: readonly string[], at: number) => (cells[at] ?? "").trim();

const APOSTROPHE = 0x27;
/** Characters after which a downloaded CSV's leading apostrophe is an escape (see csvExport). */
const ESCAPED = "=+-@\t\r\0'";

/**
 * Undoes the download's formula escape: an apostrophe before = + - @, a tab, a carriage return, a
 * NUL or another apostrophe is dropped. Any other text is returned as it is.
 */
export function restoreFormula(field: string): string {
  return field.charCodeAt(0) === APOSTROPHE && field.length > 1 && ESCAPED.includes(field[1]!)
    ? field.slice(1)
    : field;
}

/** A free-text cell: trimmed, the download's formula escape undone. */
const textAt = (cells: readonly string[], at: number) => restoreFormula(cellAt(cells, at));

/** `reasons` with one more: the list is made on the first broken field, as most rows have none. */
function refuse(reasons: RowReason[] | null, reason: RowReason): RowReason[] {
  (reasons ??= []).push(reason);
  return reasons;
}

/** Shortens a user's text for a problem message, so a 10 kB field cannot flood the list. */
const show = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * Checks one data row against the contract. Every broken field is named; a row with any broken
 * field of indicator, region, period, value, unit, qualifier, kind or offsets is left out.
 */
export function validateRow(
  cells: readonly string[],
  header: Record<Column, number>,
  regionKeys: ReadonlySet<string>,
  line: number,
  index: number,
  /** Parsed periods by label: a large file repeats a few thousand labels a million times. */
  periodCache?: Map<string, DayRange | null>,
): { fact: FactRow } | { problem: RowProblem } {
  // No closures here (cells are read and reasons added by module functions): a million rows
  // would make a million of each.
  let reasons: RowReason[] | null = null;

  const indicator = cellAt(cells, header.indicator);
  const known = isIndicator(indicator);
  if (!known)
    reasons = refuse(reasons, { field: "indicator", problem: "unknown", value: show(indicator) });

  const region = cellAt(cells, header.region);
  if (!regionKeys.has(region))
    reasons = refuse(reasons, { field: "region", problem: "unknown", value: show(region) });

  const period = cellAt(cells, header.period);
  let range = periodCache?.get(period);
  if (range === undefined) {
    range = parsePeriod(period);
    if (periodCache && periodCache.size < 100_000) periodCache.set(period, range);
  }
  if (!range)
    reasons = refuse(reasons, { field: "period", problem: "format", value: show(period) });

  const rawValue = cellAt(cells, header.value);
  const value = parseValue(rawValue);
  if (!Number.isFinite(value))
    reasons = refuse(reasons, { field: "value", problem: "format", value: show(rawValue) });

  const unit = cellAt(cells, header.unit);
  if (known && unit !== INDICATOR_UNIT[indicator]) {
    reasons = refuse(reasons, {
      field: "unit",
      problem: "unit",
      value: show(unit),
      expected: INDICATOR_UNIT[indicator],
    });
  }

  // An empty qualifier or kind reads as the plain case: the extractor writes them, people may not.
  const qualifier = cellAt(cells, header.qualifier) || "exact";
  if (!isQualifier(qualifier))
    reasons = refuse(reasons, { field: "qualifier", problem: "unknown", value: show(qualifier) });
  const kind = cellAt(cells, header.kind) || "actual";
  if (!isKind(kind))
    reasons = refuse(reasons, { field: "kind", problem: "unknown", value: show(kind) });

  const published = cellAt(cells, header.published);
  if (!isPublished(published)) {
    reasons = refuse(reasons, { field: "published", problem: "format", value: show(published) });
  }

  const rawStart = cellAt(cells, header.start);
  const rawEnd = cellAt(cells, header.end);
  let start: number | null = null;
  let end: number | null = null;
  if (rawStart || rawEnd) {
    if (!OFFSET.test(rawStart) || !OFFSET.test(rawEnd) || Number(rawStart) > Number(rawEnd)) {
      reasons = refuse(reasons, {
        field: "offsets",
        problem: "range",
        value: `${show(rawStart)}–${show(rawEnd)}`,
      });
    } else {
      start = Number(rawStart);
      end = Number(rawEnd);
    }
  }

  const review = header.review < 0 ? "" : cellAt(cells, header.review);
  if (!isReviewState(review))
    reasons = refuse(reasons, { field: "review", problem: "unknown", value: show(review) });

  if (reasons || !range || !known) return { problem: { line, reasons: reasons ?? [] } };
  return {
    fact: {
      index,
      line,
      id: textAt(cells, header.id),
      indicator,
      region,
      period,
      periodStart: range.start,
      periodEnd: range.end,
      value,
      unit: INDICATOR_UNIT[indicator],
      qualifier: qualifier as Qualifier,
      kind: kind as Kind,
      subject: textAt(cells, header.subject),
      source: textAt(cells, header.source),
      published,
      text: textAt(cells, header.text),
      quote: textAt(cells, header.quote),
      start,
      end,
      review: review as ReviewState,
    },
  };
}
