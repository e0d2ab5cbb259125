// sources.csv: accepted rows, and every bad row named by file, line and field.
import { describe, expect, it } from "vitest";
import {
  formatProblem,
  isPublishedDate,
  parseSourcesTable,
} from "../../../extract/node/sources.ts";

const HEADER = "file,published,title,publisher,url\n";

describe("isPublishedDate", () => {
  it("takes real days and months only", () => {
    for (const good of ["2022-04", "2024-02-29", "2023-12-31", "1999-01"])
      expect(isPublishedDate(good), good).toBe(true);
    for (const bad of [
      "2022",
      "2022-4",
      "2022-13",
      "2023-02-29",
      "2022-04-31",
      "2022-00",
      "22-04",
      " 2022-04",
      "2022/04",
      "2022年4月",
    ]) {
      expect(isPublishedDate(bad), bad).toBe(false);
    }
  });
});

describe("parseSourcesTable", () => {
  it("reads the rows, keyed by file name; an empty date means 'infer it'", () => {
    const { entries, problems } = parseSourcesTable(
      `\uFEFF${HEADER}a.txt,2022-04,"标题, with comma",报,\r\nb.md,,t,p,u\r\n`,
    );
    expect(problems).toEqual([]);
    expect([...entries.values()]).toEqual([
      { file: "a.txt", published: "2022-04", line: 2 },
      { file: "b.md", published: undefined, line: 3 },
    ]);
  });

  it("names the line of a bad date, counting lines inside quoted cells and blank lines", () => {
    const text = `${HEADER}a.txt,2022-04,"a title\nover two lines",p,u\n\nb.txt,2022-13-01,t,p,u\n`;
    const { problems } = parseSourcesTable(text, "in/sources.csv");
    expect(problems).toEqual([
      {
        file: "in/sources.csv",
        line: 5,
        field: "published",
        message: `"2022-13-01" is not a date (YYYY-MM-DD or YYYY-MM)`,
      },
    ]);
    expect(formatProblem(problems[0]!)).toBe(
      `in/sources.csv:5: published: "2022-13-01" is not a date (YYYY-MM-DD or YYYY-MM)`,
    );
  });

  it("refuses a header without file or published", () => {
    const { problems, entries } = parseSourcesTable("name,date\na.txt,2022-04\n", "s.csv");
    expect(entries.size).toBe(0);
    expect(problems).toEqual([
      { file: "s.csv", line: 1, message: expect.stringMatching(/missing columns file, published/) },
    ]);
  });

  it("refuses an empty file, a row without a file name, a path, and a file listed twice", () => {
    expect(parseSourcesTable("").problems).toMatchObject([
      { line: 1, message: expect.stringMatching(/empty/) },
    ]);
    const { problems } = parseSourcesTable(
      `${HEADER},2022-04\n../x.txt,2022-04\na.txt,2022-04\na.txt,2022-05\n`,
    );
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, "file"],
      [3, "file"],
      [5, "file"],
    ]);
    expect(problems[2]!.message).toMatch(/listed twice \(first on line 4\)/);
  });

  it("reports an unterminated quote", () => {
    const { problems } = parseSourcesTable(`${HEADER}a.txt,2022-04,"never closed\n`);
    expect(problems.some((p) => /malformed CSV/.test(p.message))).toBe(true);
  });
});
