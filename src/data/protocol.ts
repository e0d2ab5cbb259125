// Messages between the main thread and the parse worker. The worker owns the facts; the main
// thread gets compact chart points and asks for the rows it shows (one table page at a time).
import type { FactRow, RowProblem } from "../model/contract.ts";
import type { PointTable } from "../model/aggregate.ts";
import type { FileProblem } from "../model/factLoader.ts";
import type { FactFilter, FactSort } from "../model/facts.ts";
import type { Fact, Region } from "../../extract/lib/types.ts";
import type { TableProblem } from "../../extract/lib/regionTable.ts";
import type { SourceInfo } from "./metadata.ts";

export interface Tables {
  regions: Region[];
  regionProblems: TableProblem[];
  sources: SourceInfo[];
}

export type CsvSource = { kind: "url"; url: string } | { kind: "file"; file: File };

export type WorkerRequest =
  | { id: number; type: "tables" }
  | { id: number; type: "load"; source: CsvSource; regionKeys: string[]; regionNames: Record<string, string> }
  | { id: number; type: "page"; filter: FactFilter; sort: FactSort; offset: number; limit: number }
  /** The facts behind a point, or behind the point of a fact (that fact first). */
  | { id: number; type: "facts"; of: { point: number } | { fact: number } }
  | { id: number; type: "sources"; points: number[] }
  | { id: number; type: "csv"; filter: FactFilter; sort: FactSort }
  /** The facts of articles pasted in this session, joined to the loaded ones (replacing any
   * sent before); the answer is the points of both. */
  | { id: number; type: "pasted"; facts: Fact[] };

export interface LoadResult {
  rowCount: number;
  factCount: number;
  /** The first problems (at most PROBLEM_LIMIT) and how many there were in all. */
  problems: RowProblem[];
  problemCount: number;
  /** A problem with the file as a whole (missing columns, empty file). */
  fileProblem: FileProblem | null;
  points: PointTable;
}

export const PROBLEM_LIMIT = 500;

export type { FileProblem };

export type FetchFailure =
  | { kind: "http"; url: string; status: number; statusText: string }
  | { kind: "network"; url: string; message: string }
  /** A server that answers every path with the app's page (SPA fallback) instead of a 404. */
  | { kind: "html"; url: string }
  /** A file the user opened that is not text in UTF-8 or GB18030 (`url` is its name). */
  | { kind: "encoding"; url: string; message: string };

export type WorkerResponse =
  | { id: number; type: "tables"; tables: Tables }
  | { id: number; type: "loaded"; result: LoadResult }
  | { id: number; type: "pasted"; points: PointTable; factCount: number }
  | { id: number; type: "failed"; failure: FetchFailure }
  | { id: number; type: "page"; rows: FactRow[]; total: number }
  | { id: number; type: "facts"; rows: FactRow[] }
  | { id: number; type: "sources"; sources: { source: string; published: string }[] }
  | { id: number; type: "csv"; csv: string }
  | { id: number; type: "error"; message: string };
