// The page's side of the article worker: made on first use, one promise per request. A newer
// request does not cancel an older one; the caller keeps only the answer it waits for.
import type { ArticleRequest, ArticleResponse } from "./protocol.ts";

type Request = Omit<ArticleRequest, "id">;
export type ArticleAnswer = Exclude<ArticleResponse, { type: "error" }>;

export interface ArticleClient {
  analyse(request: Request): Promise<ArticleAnswer>;
  dispose(): void;
}

export function createArticleClient(): ArticleClient {
  const worker = new Worker(new URL("./article.worker.ts", import.meta.url), { type: "module" });
  const pending = new Map<
    number,
    { resolve: (r: ArticleAnswer) => void; reject: (e: Error) => void }
  >();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<ArticleResponse>) => {
    const response = event.data;
    const waiting = pending.get(response.id);
    if (!waiting) return;
    pending.delete(response.id);
    if (response.type === "error") waiting.reject(new Error(response.message));
    else waiting.resolve(response);
  };
  worker.onerror = (event) => {
    const error = new Error(`the article worker failed: ${event.message || "unknown error"}`);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  return {
    analyse(request) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        const transfer = request.input.kind === "bytes" ? [request.input.bytes] : [];
        worker.postMessage({ ...request, id } satisfies ArticleRequest, transfer);
      });
    },
    dispose() {
      worker.terminate();
      for (const waiting of pending.values()) waiting.reject(new Error("disposed"));
      pending.clear();
    },
  };
}
