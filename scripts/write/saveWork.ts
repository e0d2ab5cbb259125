// The CPU-heavy part of 保存文章 (and of checking a decision's number, loadText), off the server's
// thread: reading the article (decoding, or a web
// page's article found by Readability) and extracting it. Both are synchronous and take seconds on
// a page of several MB (about 2 s of extraction for 7 MB of text on the development machine), and
// on the server's own thread every other request (the dashboard's files, a decision being kept)
// waited until they were done. They run on one worker thread instead (saveWorker.ts), started on
// the first save and kept; the files are still written by the server's thread, atomically, under
// the articles' lock (articles.ts), so nothing about the write path changed but where the CPU
// work runs.
import type { Worker } from "node:worker_threads";
import { decodeDocument } from "../../extract/lib/decode.ts";
import { extractDocument, type Region } from "../../extract/lib/index.ts";
import { startModuleWorker } from "../../extract/node/pool.ts";
import {
  loadPageReader,
  loadText,
  needsPageReader,
  processDocument,
  type DocumentJob,
  type DocumentOutcome,
  type Loaded,
} from "../../extract/node/process.ts";
import { isPageFile } from "../../extract/page/files.ts";
import { readPageBytes } from "../../extract/page/node.ts";

/** What the bytes say before anything is written: an error, or a page's own title and date. */
export type Inspected = { error: string } | { title?: string; published?: string };

export type SaveWorkRequest =
  | { seq: number; kind: "inspect"; bytes: Uint8Array; type: string }
  | { seq: number; kind: "process"; job: DocumentJob; regions: Region[] }
  | { seq: number; kind: "load"; job: DocumentJob };

export type SaveWorkAnswer =
  | { seq: number; ok: true; value: Inspected | DocumentOutcome | Loaded }
  | { seq: number; ok: false; error: string };

/** Reads an article's bytes as the save will: a page's title and date, or why it cannot be read. */
export function inspectArticle(bytes: Uint8Array, type: string): Inspected {
  if (isPageFile(`x.${type}`)) {
    const page = readPageBytes(bytes);
    if (!page.ok) return { error: page.reason };
    return {
      ...(page.title ? { title: page.title } : {}),
      ...(page.published ? { published: page.published } : {}),
    };
  }
  const decoded = decodeDocument(bytes);
  return decoded.ok ? {} : { error: decoded.reason };
}

/** Does one request's work; the worker thread's whole job (also callable in-thread, in tests). */
export async function doSaveWork(
  request: SaveWorkRequest,
): Promise<Inspected | DocumentOutcome | Loaded> {
  if (request.kind === "inspect") return inspectArticle(request.bytes, request.type);
  if (needsPageReader(request.job)) await loadPageReader();
  if (request.kind === "load") return loadText(request.job);
  return processDocument(request.job, request.regions, extractDocument);
}

const MODULE = new URL("./saveWorker.ts", import.meta.url);

let worker: Worker | undefined;
let nextSeq = 0;
const pending = new Map<
  number,
  {
    resolve: (value: Inspected | DocumentOutcome | Loaded) => void;
    reject: (e: Error) => void;
  }
>();

/** The save worker, started on first use. Unreferenced: it never keeps a process alive. */
function saveWorker(): Worker {
  if (worker) return worker;
  const started = startModuleWorker(MODULE, {});
  started.unref();
  const failAll = (reason: string) => {
    if (worker === started) worker = undefined;
    for (const [seq, task] of pending) {
      pending.delete(seq);
      task.reject(new Error(reason));
    }
  };
  started.on("message", (answer: SaveWorkAnswer) => {
    const task = pending.get(answer.seq);
    if (!task) return;
    pending.delete(answer.seq);
    if (answer.ok) task.resolve(answer.value);
    else task.reject(new Error(answer.error));
  });
  started.on("error", (error: Error) => failAll(`the save worker failed: ${error.message}`));
  started.on("exit", (code) => failAll(`the save worker exited with code ${code}`));
  worker = started;
  return started;
}

type Unnumbered<T> = T extends unknown ? Omit<T, "seq"> : never;

function ask(request: Unnumbered<SaveWorkRequest>) {
  const seq = nextSeq++;
  return new Promise<Inspected | DocumentOutcome | Loaded>((resolve, reject) => {
    pending.set(seq, { resolve, reject });
    saveWorker().postMessage({ ...request, seq });
  });
}

/** inspectArticle on the save worker. Rejects only when the worker itself failed. */
export const inspectOffThread = (bytes: Uint8Array, type: string) =>
  ask({ kind: "inspect", bytes, type }) as Promise<Inspected>;

/** processDocument on the save worker (the same code `npm run extract` runs on its workers). */
export const processOffThread = (job: DocumentJob, regions: Region[]) =>
  ask({ kind: "process", job, regions }) as Promise<DocumentOutcome>;

/** loadText on the save worker: a document's text as the facts' offsets count it (a web page's
 * article found by Readability, seconds on a page of several MB). */
export const loadTextOffThread = (job: DocumentJob) =>
  ask({ kind: "load", job }) as Promise<Loaded>;

/** Starts the save worker now (npm start does, once it serves): under tsx its start compiles the
 * extractor, about 1.5 s, which the first decision or save would otherwise wait for. */
export function startSaveWorker(): void {
  saveWorker();
}
