import { expect, test } from "vitest";
import fc from "fast-check";
import Papa from "papaparse";
import {
  detectNewline,
  oneLinePerRow,
  parseRows,
  rowRuns,
  type Newline,
} from "../../../src/model/csvRows.ts";
import { linesSpanned } from "../../../src/model/lines.ts";

test.each([
  ["a,b\nc", "\n"],
  ["a,b\r\nc", "\r\n"],
  ["a,b\rc\nd", "\r"],
  ["a,b", "\n"],
  ['"x\ny"\r\n', "\n"],
])("detectNewline(%j) = %j", (text, newline) => expect(detectNewline(text)).toBe(newline));

const field = fc.oneof(
  fc.constantFrom("", "江门", "a\nb", 'say "hi"', "1,2", "x\r\ny", '"', "\r", " q "),
  fc.string({ maxLength: 5 }),
);
const table = fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), {
  minLength: 1,
  maxLength: 12,
});
const newlines = fc.constantFrom<Newline>("\n", "\r\n", "\r");

/** What PapaParse makes of the whole text, without the empty "row" after a final line break. */
function papa(text: string, newline: Newline): string[][] {
  const data = Papa.parse<string[]>(text, { delimiter: ",", newline }).data;
  const last = data[data.length - 1];
  if (text.endsWith(newline) && last?.length === 1 && last[0] === "") data.pop();
  return data;
}

test("parseRows gives PapaParse's rows for any mix of quoted and plain rows", () => {
  fc.assert(
    fc.property(table, newlines, fc.boolean(), (rows, newline, finalBreak) => {
      const text = Papa.unparse(rows, { newline }) + (finalBreak ? newline : "");
      expect(parseRows(text, newline)).toEqual(papa(text, newline));
    }),
  );
});

test("rowRuns cut anywhere small give the same rows, each run from its own text", () => {
  fc.assert(
    fc.property(table, newlines, fc.integer({ min: 1, max: 30 }), (rows, newline, runChars) => {
      const text = Papa.unparse(rows, { newline }) + newline;
      const runs = [...rowRuns(text, newline, runChars)];
      expect(runs.map((r) => r.text).join("")).toBe(text);
      expect(runs.flatMap((r) => r.rows)).toEqual(papa(text, newline));
      for (const run of runs) expect(run.rows).toEqual(papa(run.text, newline));
    }),
  );
});

test("parseRows keeps blank lines as rows of one empty cell", () => {
  expect(parseRows('a,b\n\n"c\nd",e\n\nf\n', "\n")).toEqual([
    ["a", "b"],
    [""],
    ["c\nd", "e"],
    [""],
    ["f"],
  ]);
});

test("oneLinePerRow holds exactly when no row spans several lines", () => {
  fc.assert(
    fc.property(table, newlines, fc.boolean(), (rows, newline, finalBreak) => {
      const text = Papa.unparse(rows, { newline }) + (finalBreak ? newline : "");
      const parsed = parseRows(text, newline);
      const spans = parsed.map((row) => linesSpanned(row));
      const fileLines = text.split(/\r\n|\r|\n/).length - (text.endsWith(newline) ? 1 : 0);
      if (oneLinePerRow(text, newline, parsed.length)) {
        expect(spans.every((n) => n === 1)).toBe(true);
        expect(fileLines).toBe(parsed.length);
      } else {
        expect(spans.some((n) => n > 1) || fileLines !== parsed.length).toBe(true);
      }
    }),
  );
});
