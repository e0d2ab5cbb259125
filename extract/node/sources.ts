// The optional sources.csv of an input folder (`file,published,title,publisher,url`). Pure: the
// caller reads the file. Every bad row is named by file and line, so a user can fix it.
import Papa from "papaparse";
import type { TableProblem } from "../lib/regionTable.ts";

export const SOURCES_REQUIRED_COLUMNS = ["file", "published"] as const;

/** What sources.csv says of one document. */
export interface SourceEntry {
  /** The file name as written in the table, e.g. `000_6f389480a371ebba.txt`. */
  file: string;
  /** `YYYY-MM-DD` or `YYYY-MM`; undefined when the cell is empty (the extractor then infers it). */
  published: string | undefined;
  /** The line of the row, for messages. */
  line: number;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** True for a real calendar date `YYYY-MM-DD` or a month `YYYY-MM` (2023-02-30 is not). */
export function isPublishedDate(value: string): boolean {
  const day = DAY.exec(value);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (month < 1 || month > 12 || date < 1) return false;
    return date <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  }
  const month = MONTH.exec(value);
  return month !== null && Number(month[2]) >= 1 && Number(month[2]) <= 12;
}

/** The line (1-based) of every row start, counting newlines inside quoted cells. */
function lineOfOffset(text: string): (offset: number) => number {
  let line = 1;
  let scanned = 0;
  // Offsets arrive in increasing order, so one forward scan serves the whole table.
  return (offset) => {
    for (; scanned < offset && scanned < text.length; scanned++) {
      const c = text.charCodeAt(scanned);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(scanned + 1) !== 0x0a)) line++;
    }
    return line;
  };
}

/**
 * Parses sources.csv. Returns the entries keyed by file name and every problem found; a caller
 * that gets any problem must refuse the table (a wrong date would silently mislabel facts).
 */
export function parseSourcesTable(
  input: string,
  file = "sources.csv",
): { entries: Map<string, SourceEntry>; problems: TableProblem[] } {
  const text = input.replace(/^\uFEFF/, "");
  const entries = new Map<string, SourceEntry>();
  const problems: TableProblem[] = [];
  const lineAt = lineOfOffset(text);
  let header: string[] | undefined;
  let headerUsable = false;
  let rowStart = 0;

  Papa.parse<string[]>(text, {
    skipEmptyLines: "greedy",
    step: (result) => {
      // Papa's cursor is where the previous row ended; this row starts after the line breaks and
      // blank lines that follow it.
      let start = rowStart;
      while (start < text.length && /[\r\n\t ]/.test(text[start]!)) start++;
      const line = lineAt(start);
      rowStart = result.meta.cursor;
      for (const error of result.errors) {
        problems.push({ file, line, message: `malformed CSV: ${error.message}` });
      }
      const row = result.data.map((cell) => cell.trim());
      if (!header) {
        header = row;
        const missing = SOURCES_REQUIRED_COLUMNS.filter((c) => !row.includes(c));
        if (missing.length) {
          problems.push({
            file,
            line,
            message: `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (expected file,published,title,publisher,url)`,
          });
        }
        headerUsable = missing.length === 0;
        return;
      }
      if (!headerUsable) return;
      const cell = (name: string) => row[header!.indexOf(name)] ?? "";
      const name = cell("file");
      const published = cell("published");
      if (!name)
        return void problems.push({ file, line, field: "file", message: "the file name is empty" });
      if (/[\\/]/.test(name)) {
        return void problems.push({
          file,
          line,
          field: "file",
          message: `"${name}" is not a bare file name`,
        });
      }
      if (published && !isPublishedDate(published)) {
        return void problems.push({
          file,
          line,
          field: "published",
          message: `"${published}" is not a date (YYYY-MM-DD or YYYY-MM)`,
        });
      }
      const earlier = entries.get(name);
      if (earlier) {
        return void problems.push({
          file,
          line,
          field: "file",
          message: `"${name}" is listed twice (first on line ${earlier.line})`,
        });
      }
      entries.set(name, { file: name, published: published || undefined, line });
    },
  });
  if (!header)
    problems.push({
      file,
      line: 1,
      message: "the file is empty (expected a header file,published,…)",
    });
  return { entries, problems };
}

/** One problem as a user reads it: `file:line: field: message`. */
export function formatProblem(problem: TableProblem): string {
  return `${problem.file}:${problem.line}: ${problem.field ? `${problem.field}: ` : ""}${problem.message}`;
}
