// The extractor's capability cases, kept as data: every tests/fixtures/extract/cases/*.json file
// holds { input, published, regions?, facts, subjects? } cases, each written for this suite (never
// copied from an article). Adding a case needs no TypeScript. Files are checked for shape first,
// so a malformed case fails with its file and index rather than passing vacuously.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractDocument, parseRegionTable, type Region } from "../../../extract/lib/index.ts";
import { jiangmenRegions, otherCityRegions } from "./helpers.ts";

const DIR = new URL("../../fixtures/extract/cases/", import.meta.url);

interface Case {
  name: string;
  input: string;
  published: string;
  /** "jiangmen" (default), "other" (a Foshan-like table) or a CSV file in the cases folder. */
  regions?: string;
  /** "indicator region period value qualifier kind", in text order. */
  facts: string[];
  /** The subject of each fact, in the same order, when the case is about subjects. */
  subjects?: string[];
}

function checkCase(file: string, index: number, raw: unknown): Case {
  const where = `${file} case ${index}`;
  if (typeof raw !== "object" || raw === null) throw new Error(`${where}: not an object`);
  const c = raw as Record<string, unknown>;
  for (const key of ["name", "input", "published"])
    if (typeof c[key] !== "string" || c[key] === "") throw new Error(`${where}: no ${key}`);
  if (!Array.isArray(c.facts) || !c.facts.every((f) => typeof f === "string"))
    throw new Error(`${where}: facts must be a list of strings`);
  for (const f of c.facts as string[])
    if (f.split(" ").length !== 6) throw new Error(`${where}: fact "${f}" needs six fields`);
  if (c.subjects !== undefined) {
    if (!Array.isArray(c.subjects) || c.subjects.length !== c.facts.length)
      throw new Error(`${where}: subjects must pair with facts`);
  }
  if (c.regions !== undefined && typeof c.regions !== "string")
    throw new Error(`${where}: regions must be a string`);
  const known = new Set(["name", "input", "published", "regions", "facts", "subjects", "$comment"]);
  for (const key of Object.keys(c)) if (!known.has(key)) throw new Error(`${where}: "${key}"?`);
  return c as unknown as Case;
}

const tables = new Map<string, Region[]>([
  ["jiangmen", jiangmenRegions],
  ["other", otherCityRegions],
]);
function regionsOf(name = "jiangmen"): Region[] {
  let table = tables.get(name);
  if (!table) {
    table = parseRegionTable(readFileSync(new URL(name, DIR), "utf8")).regions;
    tables.set(name, table);
  }
  return table;
}

const files = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort();

it("there are case files", () => expect(files.length).toBeGreaterThan(0));

for (const file of files) {
  const data = JSON.parse(readFileSync(new URL(file, DIR), "utf8")) as { cases?: unknown };
  if (!Array.isArray(data.cases) || data.cases.length === 0)
    throw new Error(`${file}: "cases" must be a non-empty list`);
  const cases = data.cases.map((raw, i) => checkCase(file, i, raw));
  describe(file, () => {
    for (const c of cases) {
      it(c.name, () => {
        const { facts } = extractDocument(
          { id: "case", text: c.input, published: c.published },
          { regions: regionsOf(c.regions) },
        );
        const rows = facts.map(
          (f) => `${f.indicator} ${f.region} ${f.period} ${f.value} ${f.qualifier} ${f.kind}`,
        );
        expect(rows, c.input).toEqual(c.facts);
        if (c.subjects)
          expect(
            facts.map((f) => f.subject),
            c.input,
          ).toEqual(c.subjects);
        for (const f of facts) expect(c.input.slice(f.start, f.end)).toBe(f.text);
      });
    }
  });
}
