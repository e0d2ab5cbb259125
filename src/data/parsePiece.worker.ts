/// <reference lib="webworker" />
// Checks one piece of an indicators CSV (whole rows, after the header) and sends its facts back
// as columns (their texts as the piece's own bytes, moved back without a copy); the parse worker
// runs a few of these side by side on a large file.
import { countQuotes, joinChunks } from "../model/csvChunks.ts";
import { blockBuffers } from "../model/factStore.ts";
import { PieceLoader } from "../model/pieceLoader.ts";
import type { PieceRequest, PieceResponse } from "./pieceProtocol.ts";

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<PieceRequest>) => {
  const { seq, chunks, header, newline, regionKeys, problemLimit } = event.data;
  try {
    const loader = new PieceLoader(new Set(regionKeys), problemLimit, header, newline);
    // Read on its bytes: only the fields it checks are decoded; the texts go back as the bytes.
    const bytes = joinChunks(chunks);
    loader.feed(bytes);
    const block = loader.block();
    const response: PieceResponse = {
      seq,
      type: "parsed",
      block,
      bytes,
      quotes: countQuotes(bytes),
      problems: loader.problems,
      problemCount: loader.problemCount,
      rowCount: loader.rowCount,
      lines: loader.lines,
    };
    self.postMessage(response, [...new Set([...blockBuffers(block), bytes.buffer as ArrayBuffer])]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    self.postMessage({ seq, type: "error", message } satisfies PieceResponse);
  }
};
