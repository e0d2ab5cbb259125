/// <reference lib="webworker" />
// Extracts the facts of one pasted or dropped article off the main thread, with extract/lib: the
// page loads this worker (and the extractor in it) only when the 分析文章 panel is first used.
import { decodeDocument } from "../../extract/lib/index.ts";
import { analyseArticle } from "./analyse.ts";
import type { Region } from "../../extract/lib/index.ts";
import type { ArticleRequest, ArticleResponse } from "./protocol.ts";

declare const self: DedicatedWorkerGlobalScope;

const post = (message: ArticleResponse) => self.postMessage(message);

// The extractor compiles its gazetteer once per region array: keep one array per table, so a
// second article does not pay for it again.
let regions: Region[] = [];
let regionsKey = "";
function sameRegions(given: Region[]): Region[] {
  const key = JSON.stringify(given);
  if (key !== regionsKey) [regions, regionsKey] = [given, key];
  return regions;
}

self.onmessage = (event: MessageEvent<ArticleRequest>) => {
  const request = event.data;
  try {
    let text: string;
    let encoding = "";
    if (request.input.kind === "bytes") {
      const decoded = decodeDocument(new Uint8Array(request.input.bytes));
      if (!decoded.ok) {
        post({ id: request.id, type: "unreadable", reason: decoded.reason });
        return;
      }
      text = decoded.text;
      encoding = decoded.encoding;
    } else text = request.input.text;
    const began = performance.now();
    const analysis = analyseArticle(
      { source: request.source, text, published: request.published },
      sameRegions(request.regions),
    );
    const ms = performance.now() - began;
    post({ id: request.id, type: "analysed", text, encoding, analysis, ms });
  } catch (error) {
    post({
      id: request.id,
      type: "error",
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
