// Editing CSV files the server owns without rewriting what it does not change: the records of a
// file with their exact byte ranges, so that rows of one article can be cut out or put in while
// every other byte stays as it was (a full `npm run extract` would write the same bytes).

import { closingQuote } from "../../extract/lib/index.ts";

export interface CsvRecord {
  /** Offsets in the text: from the record's first character to after its line end. */
  start: number;
  end: number;
  cells: string[];
}

/** Every record of an RFC 4180 text (LF or CRLF line ends; quoted cells may hold line breaks). */
export function csvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length) {
    const start = at;
    const cells: string[] = [];
    let cell = "";
    for (;;) {
      if (text[at] === '"') {
        at++;
        for (;;) {
          const quote = text.indexOf('"', at);
          if (quote < 0) {
            cell += text.slice(at);
            at = text.length;
            break;
          }
          cell += text.slice(at, quote);
          if (text[quote + 1] === '"') {
            cell += '"';
            at = quote + 2;
          } else {
            at = quote + 1;
            break;
          }
        }
      }
      // Up to the next comma or line end (after a quoted part, normally nothing).
      let stop = at;
      while (stop < text.length && text[stop] !== "," && text[stop] !== "\n" && text[stop] !== "\r")
        stop++;
      cell += text.slice(at, stop);
      at = stop;
      cells.push(cell);
      cell = "";
      if (text[at] === ",") {
        at++;
        continue;
      }
      if (text[at] === "\r") at++;
      if (text[at] === "\n") at++;
      break;
    }
    // A blank line is no record.
    if (!(cells.length === 1 && cells[0] === "")) records.push({ start, end: at, cells });
  }
  return records;
}

/** One CSV cell as RFC 4180 writes it: quoted only when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Code-unit order, the order of `npm run extract`'s sources. */
const before = (a: string, b: string) => a < b;

/**
 * The contract CSV `text` with the rows of `source` replaced by `rows` (each ending with a
 * newline, sorted by start; "" to remove them). Rows stay sorted by source as the command
 * writes them; other records keep their bytes. `header` is used when `text` is empty.
 */
export function replaceSourceRows(
  text: string,
  source: string,
  rows: string,
  header: string,
): string {
  if (!text.trim()) return header + rows;
  const records = csvRecords(text);
  const column = records[0]?.cells.indexOf("source") ?? -1;
  if (column < 0) throw new Error("indicators.csv has no source column");
  let cutStart = -1;
  let cutEnd = -1;
  let insertAt = text.length;
  for (const record of records.slice(1)) {
    const value = record.cells[column] ?? "";
    if (value === source) {
      if (cutStart < 0) cutStart = record.start;
      cutEnd = record.end;
    } else if (insertAt === text.length && before(source, value)) {
      insertAt = record.start;
    }
  }
  let body = text;
  if (!body.endsWith("\n")) body += "\n";
  if (cutStart >= 0) return body.slice(0, cutStart) + rows + body.slice(cutEnd);
  insertAt = Math.min(insertAt, body.length);
  return body.slice(0, insertAt) + rows + body.slice(insertAt);
}

/**
 * The line of the first record whose quotes are broken (a quote never closed, or text after a
 * closing quote), or undefined when every record is RFC 4180. csvRecords reads such a record on
 * into the rows after it, so a file with one is not cut or merged by row: the rows it ran into
 * would go with it.
 */
export function firstBrokenLine(text: string): number | undefined {
  let at = 0;
  while (at < text.length) {
    const start = at;
    for (;;) {
      if (text[at] === '"') {
        const close = closingQuote(text, at);
        if (close < 0 || (close + 1 < text.length && !",\r\n".includes(text[close + 1]!))) {
          return lineAt(text, start);
        }
        at = close + 1;
      } else {
        while (at < text.length && !",\r\n".includes(text[at]!)) {
          // A quote inside an unquoted cell is taken as it is, as csvRecords does.
          at++;
        }
      }
      if (text[at] === ",") {
        at++;
        continue;
      }
      if (text[at] === "\r") at++;
      if (text[at] === "\n") at++;
      break;
    }
  }
  return undefined;
}

/** The 1-based line of the offset `at`. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (text[i] === "\n") line++;
  return line;
}
