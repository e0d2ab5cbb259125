// data/reviews.csv: what a person decided about the facts (see "Reviews" in data/CONTRACT.md).
// The decision as data: its columns, actions and fields, made from a shown fact. Reading and
// writing the file's text is reviewsCsv.ts (PapaParse), kept apart so that the dashboard's first
// bundle, which makes decisions, does not carry the CSV library. Pure and browser-safe.
import type { FactFieldsInput } from "./reviewCheck.ts";
import { INDICATOR_UNIT } from "./indicatorRecords.ts";
import { type Fact, type Indicator, type Kind, type Qualifier, type Unit } from "./types.ts";

/** The columns of data/reviews.csv, in order. */
/** The fields of a fact a person decides, in the order both files give them. */
export const REVIEWED_FIELD_NAMES = [
  "indicator",
  "region",
  "period",
  "value",
  "unit",
  "qualifier",
  "kind",
  "subject",
] as const satisfies readonly (keyof ReviewedFields)[];

export const REVIEW_COLUMNS = [
  "reviewed_at",
  "action",
  "fact_id",
  "source",
  "start",
  "end",
  "text",
  ...REVIEWED_FIELD_NAMES,
  "note",
] as const;

export const REVIEW_ACTIONS = ["confirm", "correct", "reject", "add"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** The fields of a fact a decision carries (complete for correct and add). */
export interface ReviewedFields {
  indicator: Indicator;
  region: string;
  period: string;
  value: number;
  unit: Unit;
  qualifier: Qualifier;
  kind: Kind;
  subject: string;
}

/** One decision: one row of data/reviews.csv. */
export interface Review extends ReviewedFields {
  /** ISO 8601 with offset. */
  reviewedAt: string;
  action: ReviewAction;
  /** The fact's id when it was reviewed; "" for an addition. */
  factId: string;
  source: string;
  start: number;
  end: number;
  text: string;
  note: string;
  /** The file line the row starts on (the header is line 1); 0 for a decision not yet written. */
  line: number;
}

/** The header line of data/reviews.csv, newline included. */
export function reviewsHeader(): string {
  return REVIEW_COLUMNS.join(",") + "\n";
}

/** A decision's cells, in REVIEW_COLUMNS order. */
export function reviewCells(review: Review): string[] {
  return [
    review.reviewedAt,
    review.action,
    review.factId,
    review.source,
    String(review.start),
    String(review.end),
    review.text,
    review.indicator,
    review.region,
    review.period,
    String(review.value),
    review.unit,
    review.qualifier,
    review.kind,
    review.subject,
    review.note,
  ];
}

export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];

/** One decision as a record named by the file's columns: what the page posts to the server. */
export function reviewRecord(review: Review): Record<ReviewColumn, string> {
  const cells = reviewCells(review);
  return Object.fromEntries(REVIEW_COLUMNS.map((c, i) => [c, cells[i]!])) as Record<
    ReviewColumn,
    string
  >;
}

/** The fields of `fact` as a decision carries them (confirm and reject take them as shown). */
export function fieldsOf(fact: ReviewedFields): ReviewedFields {
  const { indicator, region, period, value, unit, qualifier, kind, subject } = fact;
  return { indicator, region, period, value, unit, qualifier, kind, subject };
}

/** A decision about a shown fact; `fields` replace the fact's for a correction. */
export function decisionAbout(
  fact: Fact,
  action: Exclude<ReviewAction, "add">,
  reviewedAt: string,
  fields: ReviewedFields = fact,
  note = "",
): Review {
  return {
    reviewedAt,
    action,
    factId: fact.id,
    source: fact.source,
    start: fact.start,
    end: fact.end,
    text: fact.text,
    ...fieldsOf(fields),
    note,
    line: 0,
  };
}

/** The current time as ISO 8601 with the local offset (2026-05-04T10:20:30+08:00). */
export function reviewTimestamp(now = new Date()): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, "0");
  const offset = -now.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** Reads the fields a form or a row gives into typed ones; call after checkFactFields passed. */
export function typedFields(input: FactFieldsInput): ReviewedFields {
  const indicator = input.indicator.trim() as Indicator;
  return {
    indicator,
    region: input.region.trim(),
    period: input.period.trim(),
    value: Number(input.value.trim()),
    unit: INDICATOR_UNIT[indicator],
    qualifier: (input.qualifier.trim() || "exact") as Qualifier,
    kind: (input.kind.trim() || "actual") as Kind,
    subject: input.subject.trim(),
  };
}
