// Reading and writing the text of data/reviews.csv: a bad row is named by its line and field and
// the others still count; a decision is written as one line to append. Pure and browser-safe.
import Papa from "papaparse";
import type { TableProblem } from "./regionTable.ts";
import { checkFactFields, type FactFieldsInput } from "./reviewCheck.ts";
import {
  REVIEW_ACTIONS,
  REVIEW_COLUMNS,
  reviewCells,
  typedFields,
  type Review,
  type ReviewAction,
} from "./reviews.ts";

/** ISO 8601 date and time with an offset (Z or ±hh:mm), as `reviewed_at` must be. */
const REVIEWED_AT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;
const OFFSET = /^\d+$/;

/** One decision as a line of data/reviews.csv (RFC 4180 quoting, newline included). */
export function reviewToCsvLine(review: Review): string {
  return Papa.unparse([reviewCells(review)], { newline: "\n", escapeFormulae: false }) + "\n";
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
