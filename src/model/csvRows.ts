// Whole rows of CSV text into cells, fast. PapaParse splits text without quotes with native
// String.split (several times faster than its quote-aware scanner), but decides that once per
// call: one quoted field anywhere in a piece would send the whole piece down the slow path. So a
// piece is cut into runs of quote-free lines, parsed the fast way, and the few rows holding quotes,
// parsed the careful way. The row ends found here follow the same rule as lastRowEnd.
import Papa from "papaparse";

export type Newline = "\n" | "\r\n" | "\r";

/** The line break the text uses, judged by its first line (the header), as PapaParse would. */
export function detectNewline(text: string): Newline {
  const cr = text.indexOf("\r");
  const lf = text.indexOf("\n");
  if (cr < 0) return "\n";
  if (lf < 0 || cr < lf) return text[cr + 1] === "\n" ? "\r\n" : "\r";
  return "\n";
}

/** The index just after the row that starts at `from` and holds the quote at `quote`. */
function quotedRowEnd(text: string, quote: number, newline: Newline): number {
  let at = quote;
  for (;;) {
    const close = text.indexOf('"', at + 1);
    if (close < 0) return text.length;
    const next = text.indexOf('"', close + 1);
    const lineEnd = text.indexOf(newline, close + 1);
    if (lineEnd < 0) return text.length;
    // The line break after the closing quote ends the row unless another quote opens before it.
    if (next < 0 || next > lineEnd) return lineEnd + newline.length;
    at = next;
  }
}

/** The rows PapaParse makes of `part` (whole rows; a final line break yields no empty row). */
export function parseRun(part: string, newline: Newline): string[][] {
  const rows: string[][] = new Papa.Parser({ delimiter: ",", newline }).parse(part, 0, false).data;
  // A part that ends in a line break yields a last, empty "row" that is no line of the file.
  const last = rows[rows.length - 1];
  if (part.endsWith(newline) && last?.length === 1 && last[0] === "") rows.pop();
  return rows;
}

/** Some consecutive rows of a text, and the part of the text they were parsed from. */
export interface RowRun {
  text: string;
  rows: string[][];
}

/**
 * The rows of `text`, which holds whole rows only (a final line break is optional and yields no
 * empty last row): the same cells as `Papa.parse(text, { delimiter: ",", newline })`, in runs of
 * about `runChars` or less. Used one run at a time, the cells of a run are garbage before the
 * next is parsed, so the collector never has a whole piece's cells to copy.
 */
export function* rowRuns(text: string, newline: Newline, runChars = 1 << 16): Generator<RowRun> {
  function run(from: number, to: number): RowRun {
    const part = text.slice(from, to);
    return { text: part, rows: parseRun(part, newline) };
  }
  /** Quote-free lines from..to, cut after a line break every `runChars` or so. */
  function* plain(from: number, to: number): Generator<RowRun> {
    while (from < to) {
      const cut = to - from > runChars ? text.indexOf(newline, from + runChars) : -1;
      const end = cut < 0 || cut >= to ? to : cut + newline.length;
      yield run(from, end);
      from = end;
    }
  }
  let from = 0;
  while (from < text.length) {
    const quote = text.indexOf('"', from);
    if (quote < 0) {
      yield* plain(from, text.length);
      break;
    }
    // Quote-free lines up to the line the quote is on go the fast way, that row the careful way.
    const lineStart = text.lastIndexOf(newline, quote);
    const rowStart = lineStart < from ? from : lineStart + newline.length;
    yield* plain(from, rowStart);
    const rowEnd = quotedRowEnd(text, quote, newline);
    yield run(rowStart, rowEnd);
    from = rowEnd;
  }
}

/** All rows of `text` at once (see rowRuns). */
export const parseRows = (text: string, newline: Newline): string[][] =>
  [...rowRuns(text, newline)].flatMap((r) => r.rows);

const count = (text: string, char: string) => {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
};

/**
 * Whether every line break in `text` ends one of its `rowCount` rows, so each row is one file
 * line and no row needs its fields searched for line breaks (see linesSpanned).
 */
export function oneLinePerRow(text: string, newline: Newline, rowCount: number): boolean {
  const ends = text.endsWith(newline) ? rowCount : rowCount - 1;
  const cr = count(text, "\r");
  const lf = count(text, "\n");
  if (newline === "\r\n") return cr === ends && lf === ends;
  if (newline === "\n") return cr === 0 && lf === ends;
  return lf === 0 && cr === ends;
}
