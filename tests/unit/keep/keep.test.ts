// Pure pieces of keeping articles: CSV records with their byte ranges, replacing one source's
// rows in place, and the ids and facts of articles kept in the browser.
import { describe, expect, it } from "vitest";
import { csvCell, csvRecords, replaceSourceRows } from "../../../scripts/write/csvRecords.ts";
import { keptId, retarget } from "../../../src/keep/browserKept.ts";
import type { Fact } from "../../../extract/lib/types.ts";

describe("csvRecords", () => {
  it("gives each record's cells and exact range, quoted line breaks and CRLF included", () => {
    const text = 'a,b\r\n"x, ""y""",2\n"multi\nline",3\n\nlast,4';
    const records = csvRecords(text);
    expect(records.map((r) => r.cells)).toEqual([
      ["a", "b"],
      ['x, "y"', "2"],
      ["multi\nline", "3"],
      ["last", "4"],
    ]);
    expect(records.map((r) => text.slice(r.start, r.end))).toEqual([
      "a,b\r\n",
      '"x, ""y""",2\n',
      '"multi\nline",3\n',
      "last,4",
    ]);
  });
  it("quotes only cells that need it", () => {
    expect(["plain", "a,b", 'say "hi"', "two\nlines"].map(csvCell)).toEqual([
      "plain",
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
    ]);
  });
});

describe("replaceSourceRows", () => {
  const header = "id,source,start\n";
  const file = `${header}a-1,a,1\na-2,a,2\nc-1,c,1\n`;
  it("inserts a new source's rows in source order, every other byte kept", () => {
    expect(replaceSourceRows(file, "b", "b-1,b,1\n", header)).toBe(
      `${header}a-1,a,1\na-2,a,2\nb-1,b,1\nc-1,c,1\n`,
    );
    expect(replaceSourceRows(file, "d", "d-1,d,1\n", header)).toBe(`${file}d-1,d,1\n`);
    expect(replaceSourceRows(file, "0", "0-1,0,1\n", header)).toBe(
      `${header}0-1,0,1\na-1,a,1\na-2,a,2\nc-1,c,1\n`,
    );
  });
  it("replaces or removes a source's rows", () => {
    expect(replaceSourceRows(file, "a", "a-9,a,9\n", header)).toBe(`${header}a-9,a,9\nc-1,c,1\n`);
    expect(replaceSourceRows(file, "a", "", header)).toBe(`${header}c-1,c,1\n`);
    expect(replaceSourceRows(file, "zz", "", header)).toBe(file);
  });
  it("starts an empty file with the header, and refuses a table without a source column", () => {
    expect(replaceSourceRows("", "a", "a-1,a,1\n", header)).toBe(`${header}a-1,a,1\n`);
    expect(() => replaceSourceRows("id,x\n1,2\n", "a", "", header)).toThrow(/no source column/);
  });
});

describe("articles kept in the browser", () => {
  it("have an id from their text, the same for the same text", () => {
    expect(keptId("江门")).toMatch(/^kept-[0-9a-f]{13}$/);
    expect(keptId("江门")).toBe(keptId("江门"));
    expect(keptId("江门")).not.toBe(keptId("江门市"));
  });
  it("carry their facts under their own id", () => {
    const fact = { id: "pasted-3-10-gdp", source: "pasted-3" } as Fact;
    expect(retarget([fact], "pasted-3", "kept-1")).toEqual([
      { id: "kept-1-10-gdp", source: "kept-1" },
    ]);
  });
});
