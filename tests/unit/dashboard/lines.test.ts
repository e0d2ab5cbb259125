import { expect, test } from "vitest";
import Papa from "papaparse";
import { linesSpanned } from "../../../src/model/lines.ts";

test.each([
  [["a", "b"], 1],
  [["a\nb", "c"], 2],
  [["a\r\nb\r\nc"], 3],
  [["a\rb"], 2],
  [["a\n", "\nb"], 3],
])("%j spans %i lines", (row, lines) => expect(linesSpanned(row)).toBe(lines));

test("counting spans over parsed rows gives each row's first file line", () => {
  const csv = 'h1,h2\nx,1\n"two\nlines",2\n\ny,3\n';
  const rows = Papa.parse<string[]>(csv).data;
  let line = 1;
  const starts: [string, number][] = [];
  for (const row of rows) {
    starts.push([row[0] ?? "", line]);
    line += linesSpanned(row);
  }
  expect(starts).toEqual([
    ["h1", 1],
    ["x", 2],
    ["two\nlines", 3],
    ["", 5],
    ["y", 6],
    ["", 7],
  ]);
});
