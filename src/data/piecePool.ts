// A few piece workers, started on the first large file and kept for the next; each piece goes to
// the worker with the shortest queue, and its answer comes back as a promise.
import type { PieceRequest, PieceResponse } from "./pieceProtocol.ts";

export type ParsedPiece = Extract<PieceResponse, { type: "parsed" }>;

export interface PiecePool {
  parse(request: PieceRequest): Promise<ParsedPiece>;
}

export function createPiecePool(size: number): PiecePool {
  const waiting = new Map<number, { resolve: (r: ParsedPiece) => void; reject: (e: Error) => void }>();
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL("./parsePiece.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<PieceResponse>) => {
      const response = event.data;
      const promise = waiting.get(response.seq);
      if (!promise) return;
      waiting.delete(response.seq);
      if (response.type === "parsed") promise.resolve(response);
      else promise.reject(new Error(response.message));
    };
    worker.onerror = (event) => {
      const error = new Error(`a piece worker failed: ${event.message || "unknown error"}`);
      for (const promise of waiting.values()) promise.reject(error);
      waiting.clear();
    };
    return worker;
  });
  /** Pieces sent to each worker and not answered yet. */
  const queued = workers.map(() => 0);
  return {
    parse(request) {
      // To the worker with the shortest queue, so one held up by the machine falls behind less.
      const k = queued.indexOf(Math.min(...queued));
      queued[k]!++;
      return new Promise<ParsedPiece>((resolve, reject) => {
        waiting.set(request.seq, {
          resolve: (r) => {
            queued[k]!--;
            resolve(r);
          },
          reject: (e) => {
            queued[k]!--;
            reject(e);
          },
        });
        // Moved, not copied; chunks of one buffer (a chunk cut at a row end) move it once.
        const buffers = new Set(request.chunks.map((c) => c.buffer as ArrayBuffer));
        workers[k]!.postMessage(request, [...buffers]);
      });
    },
  };
}
