// The main thread's side of the parse worker: one request, one promise.
import type { FactRow } from "../model/contract.ts";
import type { PointTable } from "../model/aggregate.ts";
import type { Fact } from "../../extract/lib/types.ts";
import type { FactFilter, FactSort } from "../model/facts.ts";
import { FetchError } from "./fetchError.ts";
import type { CsvSource, LoadResult, Tables, WorkerRequest, WorkerResponse } from "./protocol.ts";

export { FetchError };

type Distribute<T> = T extends unknown ? Omit<T, "id"> : never;
type Request = Distribute<WorkerRequest>;

export interface ParseClient {
  tables(): Promise<Tables>;
  load(source: CsvSource, regionKeys: string[], regionNames: Record<string, string>): Promise<LoadResult>;
  page(filter: FactFilter, sort: FactSort, offset: number, limit: number): Promise<{ rows: FactRow[]; total: number }>;
  facts(of: { point: number } | { fact: number }): Promise<FactRow[]>;
  sources(points: number[]): Promise<{ source: string; published: string }[]>;
  csv(filter: FactFilter, sort: FactSort): Promise<string>;
  /** Joins the facts of pasted articles to the loaded ones (replacing those sent before). */
  pasted(facts: Fact[]): Promise<{ points: PointTable; factCount: number }>;
  dispose(): void;
}

export function createParseClient(): ParseClient {
  const worker = new Worker(new URL("./parse.worker.ts", import.meta.url), { type: "module" });
  const pending = new Map<number, { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void }>();
  let nextId = 1;

  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const response = event.data;
    const waiting = pending.get(response.id);
    if (!waiting) return;
    pending.delete(response.id);
    if (response.type === "failed") waiting.reject(new FetchError(response.failure));
    else if (response.type === "error") waiting.reject(new Error(response.message));
    else waiting.resolve(response);
  };
  worker.onerror = (event) => {
    const error = new Error(`the parse worker failed: ${event.message || "unknown error"}`);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  const send = (request: Request) =>
    new Promise<WorkerResponse>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as WorkerRequest);
    });

  return {
    async tables() {
      const r = await send({ type: "tables" });
      if (r.type !== "tables") throw new Error(`unexpected answer ${r.type}`);
      return r.tables;
    },
    async load(source, regionKeys, regionNames) {
      const r = await send({ type: "load", source, regionKeys, regionNames });
      if (r.type !== "loaded") throw new Error(`unexpected answer ${r.type}`);
      performance.mark("jm:data-parsed");
      return r.result;
    },
    async page(filter, sort, offset, limit) {
      const r = await send({ type: "page", filter, sort, offset, limit });
      if (r.type !== "page") throw new Error(`unexpected answer ${r.type}`);
      return { rows: r.rows, total: r.total };
    },
    async facts(of) {
      const r = await send({ type: "facts", of });
      if (r.type !== "facts") throw new Error(`unexpected answer ${r.type}`);
      return r.rows;
    },
    async sources(points) {
      const r = await send({ type: "sources", points });
      if (r.type !== "sources") throw new Error(`unexpected answer ${r.type}`);
      return r.sources;
    },
    async csv(filter, sort) {
      const r = await send({ type: "csv", filter, sort });
      if (r.type !== "csv") throw new Error(`unexpected answer ${r.type}`);
      return r.csv;
    },
    async pasted(facts) {
      const r = await send({ type: "pasted", facts });
      if (r.type !== "pasted") throw new Error(`unexpected answer ${r.type}`);
      return { points: r.points, factCount: r.factCount };
    },
    dispose() {
      worker.terminate();
      for (const waiting of pending.values()) waiting.reject(new Error("disposed"));
      pending.clear();
    },
  };
}
