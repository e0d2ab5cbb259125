// Reading and writing the text of data/reviews.csv: a bad row is named by its line and field and
// the others still count; a decision is written as one line to append. Pure and browser-safe.
import Papa from "papaparse";
import type { TableProblem } from "./regionTable.ts";
import { checkFactFields, type FactFieldsInput } from "./reviewCheck.ts";
import { closingQuote } from "./csv.ts";
import {
  REVIEW_ACTIONS,
  REVIEW_COLUMNS,
  REVIEWED_FIELD_NAMES,
  reviewCells,
  typedFields,
  type Review,
  type ReviewAction,
} from "./reviews.ts";

/** ISO 8601 date and time with an offset (Z or ±hh:mm), as `reviewed_at` must be. */
const REVIEWED_AT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;
const OFFSET = /^\d+$/;
/** The fields a correction or an addition must give (subject may be empty: a region-wide total). */
const GIVEN_FIELDS = REVIEWED_FIELD_NAMES.filter((name) => name !== "subject");

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
  const [header, ...rows] = csvLines(body);
  const names = (header?.cells ?? []).map((h) => h.trim());
  const missing = REVIEW_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) {
    const message = `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (expected ${REVIEW_COLUMNS.join(",")})`;
    return { reviews, problems: [{ file, line: 1, message }] };
  }
  for (const record of rows) {
    const row = record.cells;
    const rowLine = record.line;
    const bad = (field: string, message: string) =>
      problems.push({ file, line: rowLine, field, message });
    if (record.broken) {
      bad("row", record.broken);
      continue;
    }
    const cell = (name: (typeof REVIEW_COLUMNS)[number]) => (row[names.indexOf(name)] ?? "").trim();
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
    // For correct and add, the fields are the person's own and complete (the contract): a guess
    // (exact, actual) for a cell a hand edit left empty is not theirs. Only subject may be empty.
    if (action === "correct" || action === "add") {
      const missing = GIVEN_FIELDS.find((name) => input[name] === "");
      if (missing) {
        const what = action === "add" ? "an addition" : "a correction";
        bad(missing, `${what} gives every field: the ${missing} is empty`);
        continue;
      }
    }
    // An addition is a fact the extractor missed: no id to match it by. One that names an id
    // would be applied to that fact, wherever it is, rather than at its own span.
    if (action === "add" && cell("fact_id")) {
      bad(
        "fact_id",
        `an addition has no fact_id (it is a fact the extractor missed), not "${cell("fact_id")}"`,
      );
      continue;
    }
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

/**
 * The column names of a reviews file's header (its first record, BOM and spaces left out): a
 * file edited by hand may have its columns in another order, or columns of the person's own.
 */
export function reviewsFileColumns(text: string): string[] {
  const body = text.replace(/^\uFEFF/, "");
  const end = body.search(/[\r\n]/);
  return (csvLines(end < 0 ? body : body.slice(0, end + 1))[0]?.cells ?? []).map((h) => h.trim());
}

/** One record of a CSV text: its cells and the line it starts on, or why its quoting is broken. */
interface CsvLine {
  cells: string[];
  line: number;
  broken?: string;
}

/**
 * The records of an RFC 4180 text (LF, CRLF or CR line ends; quoted cells may hold line breaks),
 * each with the line it starts on. A record whose quoting is broken — a quote never closed, as a
 * hand edit that lost one leaves it, or a closing quote followed by more than a comma or a line
 * end — is kept as one broken record at its first line, and reading goes on at the next line:
 * a lenient reader would take every line after it, decisions appended since included, into one
 * cell and lose them without a word.
 */
function csvLines(text: string): CsvLine[] {
  const records: CsvLine[] = [];
  let at = 0;
  let line = 1;
  while (at < text.length) {
    const start = at;
    const startLine = line;
    const cells: string[] = [];
    let broken: string | undefined;
    for (;;) {
      let cell: string;
      if (text[at] === '"') {
        const close = closingQuote(text, at);
        if (close < 0) {
          broken = 'a quoted cell is never closed (a " is missing): the row is left out';
          break;
        }
        cell = text.slice(at + 1, close).replace(/""/g, '"');
        at = close + 1;
        if (at < text.length && !",\r\n".includes(text[at]!)) {
          // A quote that closes on a later line, before more text, was most likely lost here:
          // the closing one found is another row's opening quote.
          broken = /[\r\n]/.test(cell)
            ? 'a quoted cell opened on this line is not closed on it (a " is missing): the row is left out'
            : "a quoted cell goes on after its closing quote: the row is left out";
          break;
        }
      } else {
        let stop = at;
        while (stop < text.length && !",\r\n".includes(text[stop]!)) stop++;
        cell = text.slice(at, stop);
        at = stop;
      }
      cells.push(cell);
      if (text[at] === ",") {
        at++;
        continue;
      }
      break;
    }
    if (broken) {
      // Go on at the line after the one the record starts on.
      const next = nextLine(text, start);
      records.push({ cells: [], line: startLine, broken });
      at = next;
      line = startLine + 1;
      continue;
    }
    // The record's own line end is counted with the quoted line breaks inside it.
    if (text[at] === "\r") at++;
    if (text[at] === "\n") at++;
    line += lineBreaks(text, start, at);
    // A blank line is no record.
    if (!(cells.length === 1 && cells[0]!.trim() === "")) records.push({ cells, line: startLine });
  }
  return records;
}

/** Where the line after the one holding `from` starts. */
function nextLine(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\n") return i + 1;
    if (text[i] === "\r") return text[i + 1] === "\n" ? i + 2 : i + 1;
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
