/// <reference lib="webworker" />
// Parses, checks and aggregates an indicators CSV off the main thread. The response (or opened
// file) is read as a byte stream while it downloads; this worker reads the header itself and hands
// the rest, in pieces of a few MB cut at line feeds without being looked at, to piece workers that
// check them on their bytes side by side (never one whole-file string). The pieces are joined in
// file order, a piece cut inside a quoted field parsed again with the next (PieceJoin); every row
// is validated with its file line, and the main thread receives chart points plus the table rows
// it asks for.
import { INDICATORS, type Column, type FactRow } from "../model/contract.ts";
import {
  indexByIndicator,
  PointIndex,
  sourcesOf,
  tableBuffers,
  type FactsByPoint,
} from "../model/aggregate.ts";
import { firstIndicator, indicatorReach } from "../state/firstView.ts";
import { compareFacts, matchesFilter, searchPredicate, type FactFilter, type FactSort } from "../model/facts.ts";
import { factsToCsv } from "../model/csvExport.ts";
import { FactLoader } from "../model/factLoader.ts";
import { FactStore } from "../model/factStore.ts";
import { loadTables } from "./tables.ts";
import { joinPasted } from "../model/pasted.ts";
import { overlayReviews, type NamedDecision, type PageReview } from "../review/overlay.ts";
import { checkableIn, countStates, uncheckedFacts } from "../review/summary.ts";
import type { Fact } from "../../extract/lib/index.ts";
import { decodePiece, joinChunks, rowPieceChunks } from "../model/csvChunks.ts";
import { createPiecePool, type ParsedPiece, type PiecePool } from "./piecePool.ts";
import { PieceJoin } from "../model/pieceJoin.ts";
import type { Newline } from "../model/csvRows.ts";
import { isHtml } from "./metadata.ts";
import { localFileStream } from "./localFile.ts";
import { FetchError } from "./fetchError.ts";
import { PROBLEM_LIMIT, type CsvSource, type LoadResult, type WorkerRequest, type WorkerResponse } from "./protocol.ts";

declare const self: DedicatedWorkerGlobalScope;

// The worker's own state: the facts of the last file loaded and the points built from them.
let facts = new FactStore();
let points = new PointIndex();
/** The facts of each point, listed when first asked for (a source list, a point's facts), not
 * while the first chart waits for its points. */
let factsByPoint: FactsByPoint | null = null;
let regionNames: Record<string, string> = {};
/** The loaded file's facts alone, and the facts of articles pasted in this session. */
let fileFacts = new FactStore();
let pastedFacts: Fact[] = [];
/** The sources of articles pasted for the session only: nobody can check their facts. */
let sessionOnly: ReadonlySet<string> = new Set();
let regionKeySet: ReadonlySet<string> = new Set();
/** A person's decisions, applied over the file's and the pasted facts. */
let pageReviews: PageReview[] = [];
/** The documents that are here: in data/raw, or pasted or kept in this browser. */
let pageDocuments: ReadonlySet<string> = new Set();
/** Whether the loaded facts' own documents count as here (a file opened by hand). */
let loadedAreHere = false;
let rejected = 0;
/** Decisions about documents that are not here: applied to nothing. */
let gone: NamedDecision[] = [];
/** Numbers decided about that the loaded file has no row for yet (shown as a run will write). */
let waiting: NamedDecision[] = [];

/** `store` with the decisions applied: a new store, as rows may go, change or be added. */
function reviewed(store: FactStore): FactStore {
  rejected = 0;
  gone = [];
  waiting = [];
  if (!pageReviews.length) return store;
  const rows = Array.from({ length: store.count }, (_, i) => store.row(i));
  // Facts of a file opened by hand vouch for their documents: there is no folder to look in.
  const held = new Set(loadedAreHere ? rows.map((r) => r.source) : []);
  const overlaid = overlayReviews(
    rows,
    pageReviews,
    (source) => held.has(source) || pageDocuments.has(source),
  );
  rejected = overlaid.rejected;
  gone = overlaid.gone;
  waiting = overlaid.waiting;
  const out = new FactStore();
  for (const row of overlaid.rows) out.add(row);
  return out;
}

/** Puts the file's and the pasted articles' facts together and groups them into points. */
function joinFacts(): PointIndex {
  const joined = pastedFacts.length ? joinPasted(fileFacts, pastedFacts, regionKeySet) : fileFacts;
  const store = reviewed(joined);
  const index = new PointIndex();
  index.addFrom(store);
  facts = store;
  points = index;
  factsByPoint = null;
  cached = null;
  return index;
}
/** The last filtered and sorted list, so paging through a large table sorts once. */
let cached: { key: string; rows: FactRow[] } | null = null;

const post = (message: WorkerResponse) => self.postMessage(message);

/** A source's bytes as a stream, and how many bytes it says it has (0 when it does not say). */
interface Opened {
  stream: ReadableStream<Uint8Array>;
  size: number;
}

async function readSource(id: number, source: CsvSource): Promise<Opened | null> {
  if (source.kind === "file") {
    const opened = await localFileStream(source.file);
    if (opened.ok) return { stream: opened.stream, size: source.file.size };
    post({ id, type: "failed", failure: opened.failure });
    return null;
  }
  let response: Response;
  try {
    // Revalidated every time: an unchanged file comes back as a 304 from the server, not again.
    response = await fetch(source.url, { cache: "no-cache" });
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
  const size = Number(response.headers.get("content-length")) || 0;
  return { stream: response.body ?? (await response.blob()).stream(), size };
}

/** Bytes per row assumed when sizing the store from a file's size: rows of the contract with a
 * sentence each are rarely shorter, so the store is rarely made larger more than once. */
const BYTES_PER_ROW = 192;

/** Bumped by every load: a load that a newer one overtook must not replace its facts. */
let loadGeneration = 0;

/**
 * Piece workers beside this one: on two cores, two of them keep both busy while this worker
 * reads the download and joins their answers.
 */
const PIECE_WORKERS = Math.min(4, Math.max(1, navigator.hardwareConcurrency || 2));
let piecePool: PiecePool | null = null;
/** Numbers pieces across loads, so an answer for an overtaken load is never taken for another. */
let pieceSeq = 0;

async function parse(
  { stream, size }: Opened,
  regionKeys: ReadonlySet<string>,
): Promise<LoadResult> {
  const generation = ++loadGeneration;
  const stale = () => generation !== loadGeneration;
  // This worker reads the file's start (the header); once the header is known, later pieces are
  // checked by piece workers side by side and joined here in file order.
  const loader = new FactLoader(regionKeys, PROBLEM_LIMIT);
  const store = loader.store;
  // Sized once from the file's size, not doubled twenty times while a million rows come in.
  store.reserve(Math.ceil(size / BYTES_PER_ROW));
  // Facts are grouped into points piece by piece, while later pieces are still being checked.
  const index = new PointIndex();
  const problems = loader.problems;
  let problemCount = 0;
  let rowCount = 0;
  let lines = 0;
  let joined = Promise.resolve();
  let first = true;
  const parsePiece = (chunks: Uint8Array[], header: Record<Column, number>, newline: Newline) => {
    piecePool ??= createPiecePool(PIECE_WORKERS);
    return piecePool.parse({
      seq: ++pieceSeq,
      chunks,
      header,
      newline,
      regionKeys: [...regionKeys],
      problemLimit: PROBLEM_LIMIT,
    });
  };
  /** Takes a piece's facts and problems, in file order, once it is known to be cut at row ends. */
  const accept = (part: ParsedPiece) => {
    store.append(part.block, lines);
    index.addFrom(store);
    for (const p of part.problems) {
      if (problems.length >= PROBLEM_LIMIT) break;
      problems.push({ ...p, line: p.line + lines });
    }
    problemCount += part.problemCount;
    rowCount += part.rowCount;
    lines += part.lines;
  };
  let join: PieceJoin<ParsedPiece> | null = null;
  // A small first piece: the piece workers start as soon as this worker has read the header.
  // Until then pieces end at row ends; after it, at any line feed (see PieceJoin).
  for await (const chunks of rowPieceChunks(stream, 4 << 20, 64 << 10, () => !loader.header)) {
    if (stale()) throw new Error("a newer file was opened");
    const { header, newline } = loader;
    if (!header || !newline) {
      if (!loader.feed(decodePiece(joinChunks(chunks), first))) break;
      first = false;
      lines = loader.lines;
      continue;
    }
    const pieces = (join ??= new PieceJoin((bytes) => parsePiece([bytes], header, newline), accept));
    const piece = parsePiece(chunks, header, newline);
    // If an earlier piece failed, the join stops there and this answer is never awaited.
    piece.catch(() => undefined);
    joined = joined.then(async () => {
      const part = await piece;
      if (!stale()) await pieces.add(part);
    });
  }
  await joined;
  if (stale()) throw new Error("a newer file was opened");
  await join?.finish();
  if (stale()) throw new Error("a newer file was opened");
  loader.finish();

  index.addFrom(store);
  fileFacts = store;
  regionKeySet = regionKeys;
  const grouped = pastedFacts.length || pageReviews.length ? joinFacts() : index;
  if (!pastedFacts.length && !pageReviews.length) {
    facts = store;
    points = index;
    factsByPoint = null;
    cached = null;
  }
  const table = grouped.table(facts);
  return {
    rowCount: loader.rowCount + rowCount,
    factCount: store.count,
    problems,
    problemCount: loader.problemCount + problemCount,
    fileProblem: loader.fileProblem,
    points: table,
    firstIndicator: firstIndicator(indicatorReach(table, indexByIndicator(table))),
  };
}

/** Where the fact `id` of article `source` is in the facts now, or -1: its article's rows only
 * are compared (an integer each), their ids read only there. */
function indexOfFact(id: string, source: string): number {
  const code = facts.sources.find(source);
  if (code < 0) return -1;
  for (let i = 0; i < facts.count; i++) {
    if (facts.source[i] === code && facts.id.get(i) === id) return i;
  }
  return -1;
}

/** The facts behind a point, its representative first (none for an unknown point). */
function factsOf(point: number): Uint32Array {
  if (!(point >= 0 && point < points.count)) return new Uint32Array(0);
  const byPoint = (factsByPoint ??= points.factsByPoint());
  return byPoint.facts.subarray(byPoint.start[point]!, byPoint.start[point + 1]!);
}

function filtered(filter: FactFilter, sort: FactSort): FactRow[] {
  const key = JSON.stringify([filter, sort]);
  if (cached?.key === key) return cached.rows;
  const search = searchPredicate(filter.search, (f) => regionNames[f.region] ?? "");
  // The indicator column rules out most rows before any of them becomes an object.
  const indicator = INDICATORS.indexOf(filter.indicator);
  const rows: FactRow[] = [];
  for (let i = 0; i < facts.count; i++) {
    if (facts.indicator[i] !== indicator) continue;
    if (filter.disputed && !points.disagrees(points.pointOfFact(i))) continue;
    const fact = facts.row(i);
    if (matchesFilter(fact, filter) && search(fact)) rows.push(fact);
  }
  rows.sort(compareFacts(sort));
  cached = { key, rows };
  return rows;
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    switch (request.type) {
      case "tables": {
        post({ id: request.id, type: "tables", answer: { tables: await loadTables() } });
        return;
      }
      case "load": {
        regionNames = request.regionNames;
        const opened = await readSource(request.id, request.source);
        if (!opened) return;
        const result = await parse(opened, new Set(request.regionKeys));
        // The point columns move to the page without a copy.
        self.postMessage(
          { id: request.id, type: "load", answer: { result } } satisfies WorkerResponse,
          tableBuffers(result.points),
        );
        return;
      }
      case "page": {
        const rows = filtered(request.filter, request.sort);
        post({
          id: request.id,
          type: "page",
          answer: { total: rows.length, rows: rows.slice(request.offset, request.offset + request.limit) },
        });
        return;
      }
      case "facts": {
        const of = request.of;
        let first: number | undefined;
        let pointId: number;
        if ("follow" in of) {
          // Facts followed by identity: the first still in the data stands for the rest.
          const at = of.follow.map((f) => indexOfFact(f.id, f.source));
          const found = at.findIndex((i) => i >= 0);
          if (found < 0) {
            post({ id: request.id, type: "facts", answer: { rows: [] } });
            return;
          }
          pointId = points.pointOfFact(at[found]!);
          if (of.opened && found === 0) first = at[0];
        } else if ("fact" in of) {
          first = of.fact;
          pointId = points.pointOfFact(of.fact);
        } else pointId = of.point;
        const behind = [...factsOf(pointId)];
        const order = first === undefined ? behind : [first, ...behind.filter((i) => i !== first)];
        const rows = order.filter((i) => i >= 0 && i < facts.count).map((i) => facts.row(i));
        post({ id: request.id, type: "facts", answer: { rows } });
        return;
      }
      case "sources": {
        const seen = new Map<string, { source: string; published: string }>();
        for (const id of request.points) {
          for (const s of sourcesOf(facts, factsOf(id))) {
            if (seen.size >= 200) break;
            seen.set(`${s.source}\u0000${s.published}`, s);
          }
        }
        post({ id: request.id, type: "sources", answer: { sources: [...seen.values()] } });
        return;
      }
      case "pasted": {
        pastedFacts = request.facts;
        sessionOnly = new Set(request.sessionOnly);
        const index = joinFacts();
        const table = index.table(facts);
        self.postMessage(
          {
            id: request.id,
            type: "pasted",
            answer: { points: table, factCount: facts.count },
          } satisfies WorkerResponse,
          tableBuffers(table),
        );
        return;
      }
      case "reviews": {
        if (!request.reviews.length && !pageReviews.length) {
          // Nothing to apply, nothing applied before: the facts and points stay as they are.
          rejected = 0;
          gone = [];
          waiting = [];
          pageDocuments = new Set(request.documents);
          loadedAreHere = request.loadedAreHere;
          post({
            id: request.id,
            type: "reviews",
            answer: {
              points: null,
              factCount: facts.count,
              counts: countStates(facts, rejected, checkableIn(facts, sessionOnly)),
              gone,
              waiting,
            },
          });
          return;
        }
        pageReviews = request.reviews;
        pageDocuments = new Set(request.documents);
        loadedAreHere = request.loadedAreHere;
        const index = joinFacts();
        const table = index.table(facts);
        self.postMessage(
          {
            id: request.id,
            type: "reviews",
            answer: {
              points: table,
              factCount: facts.count,
              counts: countStates(facts, rejected, checkableIn(facts, sessionOnly)),
              gone,
              waiting,
            },
          } satisfies WorkerResponse,
          tableBuffers(table),
        );
        return;
      }
      case "unchecked": {
        const { positions, total } = uncheckedFacts(facts, request.limit, checkableIn(facts, sessionOnly));
        const rows = positions.map((i) => facts.row(i));
        post({ id: request.id, type: "unchecked", answer: { rows, total } });
        return;
      }
      case "csv": {
        const csv = factsToCsv(filtered(request.filter, request.sort));
        post({ id: request.id, type: "csv", answer: { csv } });
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
