// data/reviews.csv: what a person decided about the facts (see "Reviews" in data/CONTRACT.md).
// Reading it row by row (a bad row is named by its line and the others still count) and writing a
// decision as one appended line. Pure and browser-safe: PapaParse only.
import Papa from "papaparse";
import { checkFactFields, type FactFieldsInput } from "./reviewCheck.ts";
import type { TableProblem } from "./regionTable.ts";
import {
  INDICATOR_UNIT,
  type Fact,
  type Indicator,
  type Kind,
  type Qualifier,
  type Unit,
} from "./types.ts";

/** The columns of data/reviews.csv, in order. */
export const REVIEW_COLUMNS = [
  "reviewed_at",
  "action",
  "fact_id",
  "source",
  "start",
  "end",
  "text",
  "indicator",
  "region",
  "period",
  "value",
  "unit",
  "qualifier",
  "kind",
  "subject",
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

/** ISO 8601 date and time with an offset (Z or ±hh:mm), as `reviewed_at` must be. */
const REVIEWED_AT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;
const OFFSET = /^\d+$/;

/** The header line of data/reviews.csv, newline included. */
export function reviewsHeader(): string {
  return REVIEW_COLUMNS.join(",") + "\n";
}

function reviewCells(review: Review): string[] {
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

/** One decision as a line of data/reviews.csv (RFC 4180 quoting, newline included). */
export function reviewToCsvLine(review: Review): string {
  return Papa.unparse([reviewCells(review)], { newline: "\n", escapeFormulae: false }) + "\n";
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

/**
 * Parses data/reviews.csv. Each bad row is reported with its line and field and left out; the
 * other rows are kept, in file order (the order decisions were made: the file is only appended
 * to). A header that lacks a column is one problem at line 1 and no reviews.
 */
export function parseReviews(
  text: string,
  regionKeys: ReadonlySet<string>,
  file = "reviews.csv",
): { reviews: Review[]; problems: TableProblem[] } {
  const problems: TableProblem[] = [];
  const reviews: Review[] = [];
  const body = text.replace(/^\uFEFF/, "");
  if (!body.trim()) return { reviews, problems };
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false });
  const [header, ...rows] = parsed.data;
  const names = (header ?? []).map((h) => h.trim());
  const missing = REVIEW_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) {
    const message = `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (expected ${REVIEW_COLUMNS.join(",")})`;
    return { reviews, problems: [{ file, line: 1, message }] };
  }
  // Lines are counted in the text, so a quoted field that spans lines does not shift the numbers.
  let at = rowEnd(body, 0);
  let line = 1 + lineBreaks(body, 0, at);
  for (const row of rows) {
    const rowLine = line;
    const next = rowEnd(body, at);
    line += lineBreaks(body, at, next);
    at = next;
    if (row.length === 1 && row[0]!.trim() === "") continue;
    const cell = (name: (typeof REVIEW_COLUMNS)[number]) => (row[names.indexOf(name)] ?? "").trim();
    const bad = (field: string, message: string) =>
      problems.push({ file, line: rowLine, field, message });
    const action = cell("action");
    if (!(REVIEW_ACTIONS as readonly string[]).includes(action)) {
      bad("action", `"${action}" is not one of ${REVIEW_ACTIONS.join(", ")}`);
      continue;
    }
    const reviewedAt = cell("reviewed_at");
    if (!REVIEWED_AT.test(reviewedAt)) {
      bad("reviewed_at", `"${reviewedAt}" is not an ISO 8601 time with offset`);
      continue;
    }
    const start = cell("start");
    const end = cell("end");
    if (!OFFSET.test(start) || !OFFSET.test(end) || Number(start) >= Number(end)) {
      bad("start", `"${start}"–"${end}" is not a span of the document`);
      continue;
    }
    if (!cell("source")) {
      bad("source", "the source is empty");
      continue;
    }
    if (!cell("text")) {
      bad("text", "the text is empty");
      continue;
    }
    const input: FactFieldsInput = {
      indicator: cell("indicator"),
      region: cell("region"),
      period: cell("period"),
      value: cell("value"),
      unit: cell("unit"),
      qualifier: cell("qualifier"),
      kind: cell("kind"),
      subject: cell("subject"),
    };
    const fieldProblems = checkFactFields(input, regionKeys);
    if (fieldProblems.length) {
      for (const p of fieldProblems) bad(p.field, p.message);
      continue;
    }
    reviews.push({
      reviewedAt,
      action: action as ReviewAction,
      factId: cell("fact_id"),
      source: cell("source"),
      start: Number(start),
      end: Number(end),
      // Not trimmed: the number as written must match the document exactly.
      text: row[names.indexOf("text")] ?? "",
      ...typedFields(input),
      note: cell("note"),
      line: rowLine,
    });
  }
  return { reviews, problems };
}

/** Where the CSV record starting at `from` ends (after its line break), quotes respected. */
function rowEnd(text: string, from: number): number {
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "\n") return i + 1;
    else if (!quoted && c === "\r") return text[i + 1] === "\n" ? i + 2 : i + 1;
  }
  return text.length;
}

/** Line breaks in text[from, to): a record that holds quoted line breaks spans more lines. */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    if (text[i] === "\n" || (text[i] === "\r" && text[i + 1] !== "\n")) n++;
  }
  return n;
}
