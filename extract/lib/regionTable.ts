import Papa from "papaparse";
import type { Region } from "./types.ts";

/** A problem found in a table file, named by file, line and field so a user can fix it. */
export interface TableProblem {
  file: string;
  /** 1-based line in the file (the header is line 1). */
  line: number;
  field?: string;
  message: string;
}

export const REGION_COLUMNS = ["key", "name", "aliases", "adcode", "parent", "members"] as const;

const KEY = /^[a-z][a-z0-9_]*$/;
const ADCODE = /^(\d{6})?$/;

const splitList = (cell: string): string[] =>
  cell
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/**
 * Parses and checks a region table (`key,name,aliases,adcode,parent,members`). Bad rows are
 * reported with their line and left out; good rows are kept. A table whose header lacks a column,
 * or that has no usable row, yields a problem at line 1 and no regions.
 */
export function parseRegionTable(
  text: string,
  file = "regions.csv",
): { regions: Region[]; problems: TableProblem[] } {
  const problems: TableProblem[] = [];
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const [header, ...rows] = parsed.data;
  if (!header) return { regions: [], problems: [{ file, line: 1, message: "the file is empty" }] };
  const names = header.map((h) => h.trim());
  const missing = REGION_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) {
    const message = `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (expected ${REGION_COLUMNS.join(",")})`;
    return { regions: [], problems: [{ file, line: 1, message }] };
  }
  const col = (row: string[], name: (typeof REGION_COLUMNS)[number]) =>
    (row[names.indexOf(name)] ?? "").trim();

  const regions: Region[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const line = i + 2;
    const key = col(row, "key");
    const name = col(row, "name");
    const adcode = col(row, "adcode");
    const bad = (field: string, message: string) => problems.push({ file, line, field, message });
    if (!KEY.test(key)) return bad("key", `"${key}" is not a key (lower-case letters, digits, _)`);
    if (seen.has(key)) return bad("key", `"${key}" appears twice`);
    if (!name) return bad("name", "the name is empty");
    if (!ADCODE.test(adcode)) return bad("adcode", `"${adcode}" is not a six-digit code`);
    seen.add(key);
    regions.push({
      key,
      name,
      aliases: splitList(col(row, "aliases")),
      adcode,
      parent: col(row, "parent"),
      members: splitList(col(row, "members")),
    });
  });
  // Parents and members must name regions of the same table.
  for (const region of regions) {
    const line = rows.findIndex((r) => (r[names.indexOf("key")] ?? "").trim() === region.key) + 2;
    if (region.parent && !seen.has(region.parent)) {
      problems.push({ file, line, field: "parent", message: `unknown region "${region.parent}"` });
    }
    for (const member of region.members) {
      if (!seen.has(member)) {
        problems.push({ file, line, field: "members", message: `unknown region "${member}"` });
      }
    }
  }
  if (!regions.length && !problems.length) problems.push({ file, line: 1, message: "no regions" });
  return { regions, problems };
}
