// An indicators CSV, fed in pieces of whole rows, into checked facts: the header is mapped once,
// every data row is validated with the file line it starts on, good rows go into a FactStore and
// bad ones into a problem list. Knows nothing of streams or workers, so it runs in a unit test as
// it runs in the parse worker.
import { mapHeader, validateRow, type Column, type RowProblem } from "./contract.ts";
import { detectNewline, oneLinePerRow, rowRuns, type Newline, type RowRun } from "./csvRows.ts";
import { FactStore } from "./factStore.ts";
import { linesSpanned } from "./lines.ts";
import type { DayRange } from "./period.ts";

/** A problem with the file as a whole (missing columns, empty file). */
export type FileProblem = { kind: "missing-columns"; columns: string[] } | { kind: "empty" };

export class FactLoader {
  readonly store = new FactStore();
  /** The first problems (at most `problemLimit`) and how many there were in all. */
  readonly problems: RowProblem[] = [];
  problemCount = 0;
  rowCount = 0;
  fileProblem: FileProblem | null = null;
  /** The line the next row starts on: the header is line 1, or a piece's first row is. */
  private line = 1;
  header: Record<Column, number> | null;
  newline: Newline | null;
  /** Parsed periods by label: a large file repeats a few thousand labels a million times. */
  private readonly periodCache = new Map<string, DayRange | null>();

  /**
   * A loader for a whole file, or (given the header and line break a loader of the file's start
   * found) for a piece of its rows, whose lines then count from the piece's first row.
   */
  constructor(
    private readonly regionKeys: ReadonlySet<string>,
    private readonly problemLimit: number,
    known: { header: Record<Column, number>; newline: Newline } | null = null,
  ) {
    this.header = known?.header ?? null;
    this.newline = known?.newline ?? null;
  }

  /** How many file lines the rows fed so far span. */
  get lines(): number {
    return this.line - 1;
  }

  /**
   * Reads `text`, which holds whole rows (a final line break is optional). False when the file
   * turned out not to be an indicators CSV: then nothing more should be fed.
   */
  feed(text: string): boolean {
    if (this.fileProblem) return false;
    const newline = (this.newline ??= detectNewline(text));
    for (const run of rowRuns(text, newline)) {
      if (!this.readRows(run, newline)) return false;
    }
    return true;
  }

  private readRows({ text, rows }: RowRun, newline: Newline): boolean {
    // Fields are searched for line breaks only where some row spans several lines.
    const oneLineEach = oneLinePerRow(text, newline, rows.length);
    for (const row of rows) {
      const rowLine = this.line;
      this.line += oneLineEach ? 1 : linesSpanned(row);
      if (row.length === 1 && row[0] === "") continue; // a blank line
      if (!this.header) {
        const mapped = mapHeader(row);
        if (mapped.missing.length) {
          this.fileProblem = { kind: "missing-columns", columns: mapped.missing };
          return false;
        }
        this.header = mapped.index;
        continue;
      }
      this.rowCount++;
      const index = this.store.count;
      const checked = validateRow(
        row,
        this.header,
        this.regionKeys,
        rowLine,
        index,
        this.periodCache,
      );
      if ("fact" in checked) {
        this.store.add(checked.fact);
      } else {
        this.problemCount++;
        if (this.problems.length < this.problemLimit) this.problems.push(checked.problem);
      }
    }
    return true;
  }

  /** Called after the last piece: a file without even a header is empty. */
  finish(): void {
    if (!this.header && !this.fileProblem) this.fileProblem = { kind: "empty" };
  }
}
