import { expect, test } from "vitest";
import fc from "fast-check";
import Papa from "papaparse";
import { FACT_COLUMNS, type FactRow } from "../../../src/model/contract.ts";
import { lastRowEnd } from "../../../src/model/csvChunks.ts";
import { FactLoader } from "../../../src/model/factLoader.ts";
import { FactStore } from "../../../src/model/factStore.ts";
import { GOOD_ROW, REGIONS, factRow } from "./fixtures.ts";

const good = GOOD_ROW;
const csv = (rows: Record<string, string>[], newline = "\n") =>
  Papa.unparse(
    [
      FACT_COLUMNS as readonly string[],
      ...rows.map((r) => FACT_COLUMNS.map((c) => ({ ...good, ...r })[c] ?? "")),
    ],
    { newline },
  ) + newline;

const load = (text: string) => {
  const loader = new FactLoader(REGIONS, 500);
  loader.feed(text);
  loader.finish();
  return loader;
};
const facts = (loader: FactLoader) =>
  Array.from({ length: loader.store.count }, (_, i) => loader.store.row(i));

test("good rows become facts with their file lines; bad rows become problems with theirs", () => {
  const loader = load(
    csv(
      [
        { id: "a" },
        { id: "b", quote: "两行\n的句子", subject: 'say "hi"' },
        { id: "c", region: "atlantis" },
        { id: "d", value: "12x", period: "2021-13" },
        { id: "e", start: "", end: "" },
      ],
      "\r\n",
    ),
  );
  expect(facts(loader).map((f) => [f.id, f.line, f.quote, f.subject, f.start, f.end])).toEqual([
    ["a", 2, good.quote, "", 10, 18],
    ["b", 3, "两行\n的句子", 'say "hi"', 10, 18],
    ["e", 7, good.quote, "", null, null],
  ]);
  expect(loader.rowCount).toBe(5);
  expect(loader.problemCount).toBe(2);
  expect(loader.problems.map((p) => [p.line, p.reasons.map((r) => r.field)])).toEqual([
    [5, ["region"]],
    [6, ["period", "value"]],
  ]);
});

test("a file without the contract's columns, and an empty file, are named as such", () => {
  expect(load("a,b\n1,2\n").fileProblem).toMatchObject({ kind: "missing-columns" });
  expect(load("").fileProblem).toEqual({ kind: "empty" });
  expect(load(csv([])).fileProblem).toBeNull();
});

test("fed in pieces cut at row ends, a file gives the same facts and problems as fed whole", () => {
  const row = fc.record({
    region: fc.constantFrom("jiangmen", "xinhui", "nowhere"),
    quote: fc.constantFrom("句子", "两行\n的句子", 'a "quoted" one', "x\r\ny", "1,2"),
    value: fc.constantFrom("1", "2.5", "-3e2", "bad"),
  });
  fc.assert(
    fc.property(
      fc.array(row, { minLength: 1, maxLength: 12 }),
      fc.array(fc.nat(), { maxLength: 4 }),
      (rows, cuts) => {
        const text = csv(rows);
        const whole = load(text);
        const loader = new FactLoader(REGIONS, 500);
        let rest = text;
        for (const cut of cuts) {
          const end = lastRowEnd(rest.slice(0, cut % (rest.length + 1)));
          if (end <= 0) continue;
          loader.feed(rest.slice(0, end));
          rest = rest.slice(end);
        }
        if (rest) loader.feed(rest);
        loader.finish();
        expect(facts(loader)).toEqual(facts(whole));
        expect(loader.problems).toEqual(whole.problems);
        expect(loader.rowCount).toBe(rows.length);
      },
    ),
  );
});

test("a store gives back every field of the facts put in, by position", () => {
  // Every text field filled, so a field the store drops or shifts shows up.
  const fact = (i: number, change: Partial<FactRow>): FactRow =>
    factRow(i, { value: 1.5, text: "t", quote: "q", start: 1, end: 2, ...change });

  const input = Array.from({ length: 3000 }, (_, i) =>
    fact(i, {
      indicator: i % 2 ? "gdp" : "gdp_growth",
      unit: i % 2 ? "CNY" : "percent",
      region: i % 3 ? "xinhui" : "jiangmen",
      period: i % 5 ? "2021" : "2022-Q1",
      periodStart: i % 5 ? 18628 : 18993,
      periodEnd: i % 5 ? 18992 : 19082,
      qualifier: i % 7 ? "exact" : "approx",
      kind: i % 11 ? "actual" : "target",
      value: i / 7,
      subject: i % 13 ? "" : `s${i}`,
      source: `src${Math.floor(i / 10)}`,
      published: i % 4 ? "2022-05" : "",
      start: i % 6 ? i : null,
      end: i % 6 ? i + 3 : null,
    }),
  );
  const store = new FactStore();
  for (const f of input) store.add(f);
  expect(store.count).toBe(input.length);
  expect(Array.from({ length: store.count }, (_, i) => store.row(i))).toEqual(input);

  // Blocks of other stores (as piece workers send them) append with their lines moved.
  const joined = new FactStore();
  const parts = [input.slice(0, 1000), input.slice(1000, 1001), input.slice(1001)];
  for (const part of parts) {
    const piece = new FactStore();
    for (const f of part) piece.add({ ...f, line: f.line - part[0]!.line + 1 });
    joined.append(piece.block(), part[0]!.line - 1);
  }
  expect(Array.from({ length: joined.count }, (_, i) => joined.row(i))).toEqual(input);
});
