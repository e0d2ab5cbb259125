// The tables a run needs before it starts. A problem in either stops the run before any output.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseRegionTable, type TableProblem } from "../lib/regionTable.ts";
import type { Review } from "../lib/reviews.ts";
import { parseReviews } from "../lib/reviewsCsv.ts";
import type { Region } from "../lib/types.ts";
import { decodeDocument } from "./decode.ts";
import { describeError } from "./documents.ts";
import { formatProblem, parseSourcesTable, type SourceEntry } from "./sources.ts";

/** A problem with the run's configuration: exit with status 2 and these messages. */
export class ConfigError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join("\n"));
    this.name = "ConfigError";
  }
}

/** The decoded text of a table file; undefined when `optional` and the file does not exist. */
async function readTableText(
  file: string,
  what: string,
  optional = false,
): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new ConfigError([`cannot read the ${what} ${file}: ${describeError(error)}`]);
  }
  const decoded = decodeDocument(bytes);
  if (!decoded.ok) throw new ConfigError([`${file}:1: cannot use the ${what}: ${decoded.reason}`]);
  return decoded.text;
}

/** Reads and checks the region table; any problem is an error naming file, line and field. */
export async function loadRegions(file: string): Promise<Region[]> {
  const text = (await readTableText(file, "region table")) ?? "";
  const { regions, problems } = parseRegionTable(text, file);
  if (problems.length) throw new ConfigError(problems.map(formatProblem));
  return regions;
}

/** Reads and checks `DIR/sources.csv` when there is one; an empty map when there is none. */
export async function loadSources(dir: string): Promise<Map<string, SourceEntry>> {
  const file = join(dir, "sources.csv");
  const text = await readTableText(file, "sources table", true);
  if (text === undefined) return new Map();
  const { entries, problems } = parseSourcesTable(text, file);
  if (problems.length) throw new ConfigError(problems.map(formatProblem));
  return entries;
}

/**
 * Reads data/reviews.csv (or --reviews FILE). A bad row is a problem named by line and field and
 * the other rows still apply, so one slip in a hand edit does not undo every decision. The default
 * file may be missing (nobody has reviewed yet: undefined); a file asked for by name must exist.
 */
export async function loadReviews(
  file: string,
  regions: readonly Region[],
  mustExist: boolean,
): Promise<{ reviews: Review[]; problems: TableProblem[] } | undefined> {
  const text = await readTableText(file, "reviews file", !mustExist);
  if (text === undefined) return undefined;
  return parseReviews(text, new Set(regions.map((r) => r.key)), file);
}
