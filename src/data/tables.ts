// Parsing of regions.csv and sources.csv, run in the worker.
import Papa from "papaparse";
import { parseRegionTable } from "../../extract/lib/index.ts";
import { FetchError } from "./fetchError.ts";
import { REGIONS_URL, SOURCES_URL, fetchText, type SourceInfo } from "./metadata.ts";
import type { Tables } from "./protocol.ts";

export function parseSources(text: string): SourceInfo[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
  });
  const out: SourceInfo[] = [];
  for (const row of parsed.data) {
    const file = (row.file ?? "").trim();
    if (!file) continue;
    out.push({
      id: file.replace(/\.[^.]+$/, ""),
      file,
      published: (row.published ?? "").trim(),
      title: (row.title ?? "").trim(),
      publisher: (row.publisher ?? "").trim(),
      url: (row.url ?? "").trim(),
    });
  }
  return out;
}

/** The region table (required) and the article metadata (optional: a 404 gives none). */
export async function loadTables(): Promise<Tables> {
  const { regions, problems } = parseRegionTable(await fetchText(REGIONS_URL), "regions.csv");
  let sources: SourceInfo[] = [];
  try {
    sources = parseSources(await fetchText(SOURCES_URL));
  } catch (error) {
    if (!(error instanceof FetchError && error.failure.kind === "http" && error.failure.status === 404)) throw error;
  }
  return { regions, regionProblems: problems, sources };
}
