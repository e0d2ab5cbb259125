// The main thread's side of the parse worker: one request, one promise.
import type { FactRow } from "../model/contract.ts";
import type { PointTable } from "../model/aggregate.ts";
import type { Fact } from "../../extract/lib/index.ts";
import type { FactFilter, FactSort } from "../model/facts.ts";
import { FetchError } from "./fetchError.ts";
import type { PageReview } from "../review/overlay.ts";
import type {
  Answer,
  CsvSource,
  FactsOf,
  LoadResult,
  Request,
  RequestType,
  Tables,
  WorkerRequest,
  WorkerResponse,
} from "./protocol.ts";

export { FetchError };

export interface ParseClient {
  tables(): Promise<Tables>;
  load(source: CsvSource, regionKeys: string[], regionNames: Record<string, string>): Promise<LoadResult>;
  page(filter: FactFilter, sort: FactSort, offset: number, limit: number): Promise<{ rows: FactRow[]; total: number }>;
  facts(of: FactsOf): Promise<FactRow[]>;
  sources(points: number[]): Promise<{ source: string; published: string }[]>;
  csv(filter: FactFilter, sort: FactSort): Promise<string>;
  /** Joins the facts of pasted articles to the loaded ones (replacing those sent before);
   * `sessionOnly` names those pasted for the session only, which nobody can check. */
  pasted(facts: Fact[], sessionOnly: string[]): Promise<{ points: PointTable; factCount: number }>;
  /** Applies a person's decisions over the loaded (and pasted) facts, replacing those sent before;
   * `documents` are the ids of the documents the page knows (see the protocol). */
  reviews(
    reviews: PageReview[],
    documents: string[],
    loadedAreHere: boolean,
  ): Promise<Answer<"reviews">>;
  /** The first `limit` facts nobody has checked, and how many there are. */
  unchecked(limit: number): Promise<{ rows: FactRow[]; total: number }>;
  dispose(): void;
}

export function createParseClient(): ParseClient {
  const worker = new Worker(new URL("./parse.worker.ts", import.meta.url), { type: "module" });
  const pending = new Map<number, { resolve: (answer: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;

  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const response = event.data;
    const waiting = pending.get(response.id);
    if (!waiting) return;
    pending.delete(response.id);
    if (response.type === "failed") waiting.reject(new FetchError(response.failure));
    else if (response.type === "error") waiting.reject(new Error(response.message));
    else waiting.resolve(response.answer);
  };
  worker.onerror = (event) => {
    const error = new Error(`the parse worker failed: ${event.message || "unknown error"}`);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  /** One request, one answer: the protocol types the answer by the request's type. */
  const send = <K extends RequestType>(type: K, request: Request<K>) =>
    new Promise<Answer<K>>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (answer: unknown) => void, reject });
      worker.postMessage({ ...request, type, id } as WorkerRequest);
    });

  return {
    tables: async () => (await send("tables", {})).tables,
    async load(source, regionKeys, regionNames) {
      // The bench times a file opened by hand (no download) from here to jm:data-parsed.
      performance.mark("jm:load-requested");
      const { result } = await send("load", { source, regionKeys, regionNames });
      performance.mark("jm:data-parsed");
      return result;
    },
    page: (filter, sort, offset, limit) => send("page", { filter, sort, offset, limit }),
    facts: async (of) => (await send("facts", { of })).rows,
    sources: async (points) => (await send("sources", { points })).sources,
    csv: async (filter, sort) => (await send("csv", { filter, sort })).csv,
    pasted: (facts, sessionOnly) => send("pasted", { facts, sessionOnly }),
    reviews: (reviews, documents, loadedAreHere) =>
      send("reviews", { reviews, documents, loadedAreHere }),
    unchecked: (limit) => send("unchecked", { limit }),
    dispose() {
      worker.terminate();
      for (const waiting of pending.values()) waiting.reject(new Error("disposed"));
      pending.clear();
    },
  };
}
