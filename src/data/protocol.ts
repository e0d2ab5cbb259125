// Messages between the main thread and the parse worker. The worker owns the facts; the main
// thread gets compact chart points and asks for the rows it shows (one table page at a time).
import type { FactRow, Indicator, RowProblem } from "../model/contract.ts";
import type { PointTable } from "../model/aggregate.ts";
import type { FileProblem } from "../model/factLoader.ts";
import type { FactFilter, FactSort } from "../model/facts.ts";
import type { Fact, Region, TableProblem } from "../../extract/lib/index.ts";
import type { SourceInfo } from "./metadata.ts";
import type { NamedDecision, PageReview } from "../review/overlay.ts";
import type { ReviewCounts } from "../review/summary.ts";
import type { FetchFailure } from "./fetchError.ts";

export interface Tables {
  regions: Region[];
  regionProblems: TableProblem[];
  sources: SourceInfo[];
}

export type CsvSource = { kind: "url"; url: string } | { kind: "file"; file: File };

export interface LoadResult {
  rowCount: number;
  factCount: number;
  /** The first problems (at most PROBLEM_LIMIT) and how many there were in all. */
  problems: RowProblem[];
  problemCount: number;
  /** A problem with the file as a whole (missing columns, empty file). */
  fileProblem: FileProblem | null;
  points: PointTable;
  /**
   * The indicator a link without one opens on (src/state/firstView.ts), worked out here beside
   * the points: counting every point's region and period took the page 12–40 ms of the task that
   * draws the first chart on the big file.
   */
  firstIndicator: Indicator | null;
}

export const PROBLEM_LIMIT = 500;

export type { FileProblem };

export type { FetchFailure };

/**
 * Which facts a sources dialog shows: those behind a point, or a fact's point with that fact
 * first, named by place; or, once shown, by the facts themselves (id and article), so that a
 * decision that takes a row out of the data (a rejection moves every later row up one place) or
 * moves a fact to another point leaves the dialog on the same facts: the first of them still in
 * the data names the point, and `opened` puts it first. None left: no rows.
 */
export type FactsOf =
  | { point: number }
  | { fact: number }
  | { follow: { id: string; source: string }[]; opened: boolean };

/** Every request the page makes of the parse worker, with the answer it gets: the one place the
 * two sides agree on, so neither checks the shape of a message at run time. */
export interface ParseProtocol {
  tables: { request: Record<never, never>; answer: { tables: Tables } };
  load: {
    request: { source: CsvSource; regionKeys: string[]; regionNames: Record<string, string> };
    answer: { result: LoadResult };
  };
  page: {
    request: { filter: FactFilter; sort: FactSort; offset: number; limit: number };
    answer: { rows: FactRow[]; total: number };
  };
  /** The facts behind a point, or behind the point of a fact (that fact first). */
  facts: { request: { of: FactsOf }; answer: { rows: FactRow[] } };
  sources: {
    request: { points: number[] };
    answer: { sources: { source: string; published: string }[] };
  };
  csv: { request: { filter: FactFilter; sort: FactSort }; answer: { csv: string } };
  /** The facts of articles pasted in this session, joined to the loaded ones (replacing any
   * sent before); the answer is the points of both. `sessionOnly`: the sources among them pasted
   * for the session only, not kept, which nobody can check: left out of the counts by state and
   * of the 待核对 queue. */
  pasted: {
    request: { facts: Fact[]; sessionOnly: string[] };
    answer: { points: PointTable; factCount: number };
  };
  /** A person's decisions (the file's and this session's), applied over the loaded facts
   * (replacing those sent before); the answer is the points after them and the count by state.
   * No decisions before and none now change nothing: then `points` is null and the page keeps the
   * points it has (a million facts are not grouped again, nor every chart drawn again).
   * `documents`: the ids of the documents that are here — their file is in data/raw, as
   * `npm run extract` finds documents, or they were pasted or kept in this browser; a decision
   * about any other document is applied to nothing and named in `gone`, as the run names it.
   * `waiting`: numbers decided about that the loaded file has no row for yet, shown as the next
   * run will write them (src/review/overlay.ts).
   * `loadedAreHere`: the loaded facts' own documents count as here too (a file opened by hand,
   * which has no folder to check against); false for the CSV extracted from data/raw. */
  reviews: {
    request: { reviews: PageReview[]; documents: string[]; loadedAreHere: boolean };
    answer: {
      points: PointTable | null;
      factCount: number;
      counts: ReviewCounts;
      gone: NamedDecision[];
      waiting: NamedDecision[];
    };
  };
  /** The facts nobody has checked yet, in the order of their articles, for the 待核对 queue:
   * those a person can check (not of an article pasted for the session only). */
  unchecked: { request: { limit: number }; answer: { rows: FactRow[]; total: number } };
}

export type RequestType = keyof ParseProtocol;
export type Request<K extends RequestType> = ParseProtocol[K]["request"];
export type Answer<K extends RequestType> = ParseProtocol[K]["answer"];

export type WorkerRequest = {
  [K in RequestType]: { id: number; type: K } & Request<K>;
}[RequestType];

export type WorkerResponse =
  | { [K in RequestType]: { id: number; type: K; answer: Answer<K> } }[RequestType]
  | { id: number; type: "failed"; failure: FetchFailure }
  | { id: number; type: "error"; message: string };
