/// <reference lib="webworker" />
// Parses, checks and aggregates an indicators CSV off the main thread. The response (or opened
// file) is read as a byte stream while it downloads and handed to PapaParse in pieces of whole
// rows (never one whole-file string), every row is validated with its file line, and the main
// thread receives chart points plus the table rows it asks for.
import Papa from "papaparse";
import { mapHeader, validateRow, type Column, type FactRow, type RowProblem } from "../model/contract.ts";
import type { DayRange } from "../model/period.ts";
import { PointAggregator, tableBuffers, toPointTable, type AggregatedPoint } from "../model/aggregate.ts";
import { compareFacts, matchesFilter, searchPredicate, type FactFilter, type FactSort } from "../model/facts.ts";
import { factsToCsv } from "../model/csvExport.ts";
import { loadTables } from "./tables.ts";
import { linesSpanned } from "../model/lines.ts";
import { lastRowEnd, textPieces } from "../model/csvChunks.ts";
import { isHtml } from "./metadata.ts";
import { FetchError } from "./fetchError.ts";
import { PROBLEM_LIMIT, type CsvSource, type FileProblem, type LoadResult, type WorkerRequest, type WorkerResponse } from "./protocol.ts";

declare const self: DedicatedWorkerGlobalScope;

// The worker's own state: the facts of the last file loaded and the points built from them.
let facts: FactRow[] = [];
let points: AggregatedPoint[] = [];
/** For each fact, the point it belongs to. */
let factPoint = new Int32Array(0);
let regionNames: Record<string, string> = {};
/** The last filtered and sorted list, so paging through a large table sorts once. */
let cached: { key: string; rows: FactRow[] } | null = null;

const post = (message: WorkerResponse) => self.postMessage(message);

async function readSource(
  id: number,
  source: CsvSource,
): Promise<ReadableStream<Uint8Array> | null> {
  if (source.kind === "file") return source.file.stream();
  let response: Response;
  try {
    response = await fetch(source.url, { cache: "no-store" });
  } catch (error) {
    post({ id, type: "failed", failure: { kind: "network", url: source.url, message: String(error) } });
    return null;
  }
  if (!response.ok) {
    post({
      id,
      type: "failed",
      failure: { kind: "http", url: source.url, status: response.status, statusText: response.statusText },
    });
    return null;
  }
  if (isHtml(response)) {
    post({ id, type: "failed", failure: { kind: "html", url: source.url } });
    return null;
  }
  // Parsing starts with the first bytes: download and parse overlap, and no whole-file string.
  return response.body ?? (await response.blob()).stream();
}

/** Bumped by every load: a load that a newer one overtook must not replace its facts. */
let loadGeneration = 0;

/** Text handed to PapaParse at a time: large enough that per-call costs vanish. */
const PARSE_PIECE = 2 << 20;

async function parse(
  stream: ReadableStream<Uint8Array>,
  regionKeys: ReadonlySet<string>,
): Promise<LoadResult> {
  const generation = ++loadGeneration;
  const loaded: FactRow[] = [];
  const aggregator = new PointAggregator();
  const problems: RowProblem[] = [];
  let problemCount = 0;
  let rowCount = 0;
  let line = 1;
  let header: Record<Column, number> | null = null;
  let fileProblem: FileProblem | null = null;
  const periodCache = new Map<string, DayRange | null>();

  /** Parses whole rows; false when the file turned out not to be an indicators CSV. */
  const parseRows = (text: string): boolean => {
    const rows = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false }).data;
    // Text ending in a line break yields a last, empty "row" that is no line of the file.
    const last = rows[rows.length - 1];
    if (/[\r\n]$/.test(text) && last && last.length === 1 && last[0] === "") rows.pop();
    for (const row of rows) {
      const rowLine = line;
      line += linesSpanned(row);
      if (row.length === 1 && row[0] === "") continue; // a blank line
      if (!header) {
        const mapped = mapHeader(row);
        if (mapped.missing.length) {
          fileProblem = { kind: "missing-columns", columns: mapped.missing };
          return false;
        }
        header = mapped.index;
        continue;
      }
      rowCount++;
      const checked = validateRow(row, header, regionKeys, rowLine, loaded.length, periodCache);
      if ("fact" in checked) {
        loaded.push(checked.fact);
        aggregator.add(checked.fact);
      } else {
        problemCount++;
        if (problems.length < PROBLEM_LIMIT) problems.push(checked.problem);
      }
    }
    return true;
  };

  let buffer = "";
  let usable = true;
  for await (const piece of textPieces(stream)) {
    if (generation !== loadGeneration) throw new Error("a newer file was opened");
    buffer += piece;
    if (buffer.length < PARSE_PIECE) continue;
    const end = lastRowEnd(buffer);
    if (end <= 0) continue; // one row longer than a piece: keep reading
    usable = parseRows(buffer.slice(0, end));
    buffer = buffer.slice(end);
    if (!usable) break;
  }
  if (generation !== loadGeneration) throw new Error("a newer file was opened");
  if (usable && buffer) parseRows(buffer);
  if (!header && !fileProblem) fileProblem = { kind: "empty" };

  facts = loaded;
  points = aggregator.points();
  factPoint = new Int32Array(loaded.length);
  points.forEach((p, id) => {
    for (const f of p.facts) factPoint[f] = id;
  });
  cached = null;
  return {
    rowCount,
    factCount: loaded.length,
    problems,
    problemCount,
    fileProblem,
    points: toPointTable(points),
  };
}

function filtered(filter: FactFilter, sort: FactSort): FactRow[] {
  const key = JSON.stringify([filter, sort]);
  if (cached?.key === key) return cached.rows;
  const search = searchPredicate(filter.search, (f) => regionNames[f.region] ?? "");
  const rows = facts.filter((f) => matchesFilter(f, filter) && search(f)).sort(compareFacts(sort));
  cached = { key, rows };
  return rows;
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    switch (request.type) {
      case "tables": {
        post({ id: request.id, type: "tables", tables: await loadTables() });
        return;
      }
      case "load": {
        regionNames = request.regionNames;
        const stream = await readSource(request.id, request.source);
        if (!stream) return;
        const result = await parse(stream, new Set(request.regionKeys));
        // The point columns move to the page without a copy.
        self.postMessage({ id: request.id, type: "loaded", result } satisfies WorkerResponse, tableBuffers(result.points));
        return;
      }
      case "page": {
        const rows = filtered(request.filter, request.sort);
        post({
          id: request.id,
          type: "page",
          total: rows.length,
          rows: rows.slice(request.offset, request.offset + request.limit),
        });
        return;
      }
      case "facts": {
        const of = request.of;
        const pointId = "point" in of ? of.point : (factPoint[of.fact] ?? -1);
        const behind = points[pointId]?.facts ?? [];
        const order = "fact" in of ? [of.fact, ...behind.filter((i) => i !== of.fact)] : behind;
        const rows = order.map((i) => facts[i]).filter((f): f is FactRow => !!f);
        post({ id: request.id, type: "facts", rows });
        return;
      }
      case "sources": {
        const seen = new Map<string, { source: string; published: string }>();
        for (const id of request.points) {
          for (const s of points[id]?.sources ?? []) {
            if (seen.size >= 200) break;
            seen.set(`${s.source}\u0000${s.published}`, s);
          }
        }
        post({ id: request.id, type: "sources", sources: [...seen.values()] });
        return;
      }
      case "csv": {
        post({ id: request.id, type: "csv", csv: factsToCsv(filtered(request.filter, request.sort)) });
        return;
      }
    }
  } catch (error) {
    if (error instanceof FetchError) {
      post({ id: request.id, type: "failed", failure: error.failure });
      return;
    }
    post({ id: request.id, type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
