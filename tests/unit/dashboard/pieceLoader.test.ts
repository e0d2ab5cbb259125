// The byte-level loader of the piece workers against the text loader (PapaParse + validateRow),
// which is what a file always gave: on generated hostile CSV, both must give the same facts, the
// same problems on the same lines, the same pools in the same order and the same line count.
import { expect, test } from "vitest";
import fc from "fast-check";
import Papa from "papaparse";
import { FACT_COLUMNS } from "../../../src/model/contract.ts";
import { detectNewline, parseRows, type Newline } from "../../../src/model/csvRows.ts";
import { IRREGULAR, RowSplitter, irregularRows } from "../../../src/model/csvBytes.ts";
import { fieldText } from "../../../src/model/csvField.ts";
import { FactLoader } from "../../../src/model/factLoader.ts";
import { FactStore } from "../../../src/model/factStore.ts";
import { PieceLoader } from "../../../src/model/pieceLoader.ts";
import { GOOD_ROW, REGIONS } from "./fixtures.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Fields no column should choke on: quotes, separators, line breaks, BOMs, markup, formulas. */
const HOSTILE = [
  "",
  " ",
  '"',
  '""',
  'say "hi"',
  "1,2",
  "a\nb",
  "x\r\ny",
  "\r",
  "\uFEFF",
  "\uFEFFgdp",
  "\u3000gdp\u3000",
  "<img src=x onerror=alert(1)>",
  "'=1+1",
  "=HYPERLINK(1)",
  "两行\n的句子",
  '"quoted" then',
  "\uD800",
];

const pick = (good: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...good) },
    { weight: 1, arbitrary: fc.constantFrom(...good).map((v) => ` ${v}\t`) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    {
      weight: 1,
      arbitrary: fc.stringMatching(/^[a-z0-9",\r\n .-]{0,8}$/),
    },
  );

const COLUMN_VALUES: Record<string, fc.Arbitrary<string>> = {
  id: pick(["a1", "b2", "'-x", "s1-000"]),
  indicator: pick(["gdp", "gdp_growth", "enterprise_count", "nonsense"]),
  region: pick(["jiangmen", "xinhui", "taishan", "atlantis"]),
  period: pick(["2021", "2021-Q3", "2022-05", "2006/2010", "2021-13", "2020-02-30"]),
  value: pick([
    "1",
    "2.5",
    "-3e2",
    "50323000000",
    ".5",
    "5.",
    "-0",
    "+4",
    "1.2.3",
    "0.000000000000000001",
    "1234567890123456789",
    "bad",
  ]),
  unit: pick(["CNY", "percent", "count", "yuan"]),
  qualifier: pick(["exact", "", "approx", "over", "maybe"]),
  kind: pick(["actual", "", "target", "plan?"]),
  subject: pick(["", "新开工项目", 'say "hi"', "'+x"]),
  source: pick(["002_x", "003_y", "'@src"]),
  published: pick(["2022-05", "", "2022-05-31", "2022-13", "22-05"]),
  text: pick(["503.23亿元", "1家", ""]),
  quote: pick(["台山地区生产总值达503.23亿元。", "两行\n的句子", ""]),
  start: pick(["10", "", "7", "-1", "1.5", "99999999999999999"]),
  end: pick(["18", "", "9", "3"]),
  review: pick(["", "confirmed", "rejected", "corrected", "added", "?"]),
};

/** A table: the header (contract columns in some order, `review` maybe left out), then rows. */
const tableArb = fc
  .record({
    order: fc.shuffledSubarray([...FACT_COLUMNS], { minLength: FACT_COLUMNS.length }),
    review: fc.boolean(),
    extra: fc.boolean(),
  })
  .chain(({ order, review, extra }) => {
    const columns = [...order.filter((c) => review || c !== "review"), ...(extra ? ["note"] : [])];
    const row = fc.tuple(
      ...columns.map((c) =>
        fc.oneof(
          { weight: 3, arbitrary: fc.constant(GOOD_ROW[c] ?? "") },
          { weight: 1, arbitrary: COLUMN_VALUES[c] ?? pick(["x"]) },
        ),
      ),
    );
    return fc.record({
      columns: fc.constant(columns),
      rows: fc.array(
        fc.record({
          cells: row,
          // Written as a CSV writer does, or joined raw (quotes where RFC 4180 has none).
          raw: fc.boolean(),
          short: fc.nat({ max: columns.length + 1 }),
          blank: fc.boolean(),
        }),
        { maxLength: 14 },
      ),
      newline: fc.constantFrom<Newline>("\n", "\r\n", "\r"),
      finalBreak: fc.boolean(),
    });
  });

function csvText(t: TableCase): string {
  const { newline } = t;
  const lines = [Papa.unparse([t.columns], { newline })];
  for (const r of t.rows) {
    if (r.blank && r.short === 0) {
      lines.push("");
      continue;
    }
    // Some rows have fewer fields than the header.
    const cells = r.short > 0 && r.short < r.cells.length ? r.cells.slice(0, r.short) : r.cells;
    lines.push(r.raw ? cells.join(",") : Papa.unparse([cells], { newline }));
  }
  return lines.join(newline) + (t.finalBreak ? newline : "");
}
type TableCase = {
  columns: string[];
  rows: { cells: string[]; raw: boolean; short: number; blank: boolean }[];
  newline: Newline;
  finalBreak: boolean;
};

const allFacts = (store: FactStore) => Array.from({ length: store.count }, (_, i) => store.row(i));
const pools = (store: FactStore) => ({
  regions: store.regions.values,
  periods: store.periods.values,
  periodStart: store.periodStart,
  periodEnd: store.periodEnd,
  subjects: store.subjects.values,
  sources: store.sources.values,
  dates: store.dates.values,
});

/** The text loader on the whole file; the byte loader on the rows after the header. */
function both(written: string) {
  // As a file reaches the loaders: UTF-8 bytes, decoded (a lone surrogate cannot be in a file).
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(utf8(written));
  const whole = new FactLoader(REGIONS, 1000);
  whole.feed(text);
  whole.finish();
  const newline = detectNewline(text);
  // The header is the file's first row, whatever quotes and line breaks it holds.
  const header = parseRows(text, newline)[0]!;
  const headerText = Papa.unparse([header], { newline }) + newline;
  const rest = text.startsWith(headerText) ? text.slice(headerText.length) : null;
  return { whole, newline, rest };
}

test("the byte loader gives the text loader's facts, problems, lines and pools on hostile CSV", () => {
  fc.assert(
    fc.property(tableArb, (t) => {
      const text = csvText(t);
      const { whole, newline, rest } = both(text);
      if (!whole.header || rest === null) return; // not an indicators file: never sent to pieces
      const piece = new PieceLoader(REGIONS, 1000, whole.header, newline);
      piece.feed(utf8(rest));
      // Appended as the parse worker does (cloned as postMessage would), lines moved by the
      // header's: the piece's first row is its line 1.
      const joined = new FactStore();
      joined.append(structuredClone(piece.block()), 1);
      expect(allFacts(joined)).toEqual(allFacts(whole.store));
      expect(piece.problems.map((p) => ({ ...p, line: p.line + 1 }))).toEqual(whole.problems);
      expect(piece.problemCount).toBe(whole.problemCount);
      expect(piece.rowCount).toBe(whole.rowCount);
      expect(piece.lines + 1).toBe(whole.lines);
      expect(pools(piece.store)).toEqual(pools(whole.store));
    }),
    { numRuns: 300 },
  );
}, 30_000);

/** Every row of `text` as the byte splitter reads it (PapaParse for the irregular ones). */
function splitAll(text: string, newline: Newline): string[][] {
  const bytes = utf8(text);
  const split = new RowSplitter(newline);
  const rows: string[][] = [];
  let at = 0;
  while (at < bytes.length) {
    const end = split.split(bytes, at, bytes.length);
    if (end === IRREGULAR) {
      const run = irregularRows(bytes, at, bytes.length, newline);
      rows.push(...run.rows);
      at = run.end;
      continue;
    }
    rows.push(
      Array.from({ length: split.count }, (_, f) =>
        fieldText(bytes, split.start[f]!, split.end[f]!, split.kind[f]!),
      ),
    );
    at = end;
  }
  return rows;
}

test("the byte splitter gives PapaParse's cells for any text of quotes, separators and breaks", () => {
  const soup = fc.stringMatching(/^[a,"\r\n 江\uFEFF]{0,40}$/);
  fc.assert(
    fc.property(soup, fc.constantFrom<Newline>("\n", "\r\n", "\r"), (text, newline) => {
      expect(splitAll(text, newline)).toEqual(parseRows(text, newline));
    }),
    { numRuns: 2000 },
  );
});

test("the byte splitter reads RFC 4180 quoting: escaped quotes, separators and breaks inside", () => {
  expect(splitAll('a,"b ""c"", d","e\nf"\n"",x\n', "\n")).toEqual([
    ["a", 'b "c", d', "e\nf"],
    ["", "x"],
  ]);
  // A quote inside an unquoted field, or text after a closing quote, goes to PapaParse.
  expect(splitAll('a"b,c\n"d"e,f\n', "\n")).toEqual(parseRows('a"b,c\n"d"e,f\n', "\n"));
});
