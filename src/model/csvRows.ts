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

/**
 * The rows of `text`, which holds whole rows only (a final line break is optional and yields no
 * empty last row). The same cells as `Papa.parse(text, { delimiter: ",", newline })`.
 */
export function parseRows(text: string, newline: Newline): string[][] {
  const parser = new Papa.Parser({ delimiter: ",", newline });
  const rows: string[][] = [];
  const take = (from: number, to: number) => {
    if (from >= to) return;
    const part: string[][] = parser.parse(text.slice(from, to), 0, false).data;
    // A part that ends in a line break yields a last, empty "row" that is no line of the file.
    if (text.endsWith(newline, to) && part.length && part[part.length - 1]!.length === 1) {
      if (part[part.length - 1]![0] === "") part.pop();
    }
    for (const row of part) rows.push(row);
  };
  let from = 0;
  while (from < text.length) {
    const quote = text.indexOf('"', from);
    if (quote < 0) {
      take(from, text.length);
      break;
    }
    // Quote-free lines up to the line the quote is on go the fast way, that row the careful way.
    const lineStart = text.lastIndexOf(newline, quote);
    const rowStart = lineStart < from ? from : lineStart + newline.length;
    take(from, rowStart);
    const rowEnd = quotedRowEnd(text, quote, newline);
    take(rowStart, rowEnd);
    from = rowEnd;
  }
  return rows;
}

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
