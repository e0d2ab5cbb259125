// A saved web page as a document of the command: its bytes read like any document's, its article
// found (extract/page), and the article text kept at article-text/<id>.txt beside it, since the
// facts' offsets and quotes point into that text. Synchronous, like readDocumentFile: it runs on
// a worker thread. The kept text is rewritten only when it changed, atomically.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { articleTextName } from "../page/files.ts";
import { readPageBytes } from "../page/node.ts";
import { describeError, MAX_DOCUMENT_BYTES } from "./documents.ts";

/** Where the article text of the page `pagePath` (document `id`) is kept. */
export function articleTextPath(pagePath: string, id: string): string {
  return join(dirname(pagePath), ...articleTextName(id).split("/"));
}

/** Writes `text` to `file` unless it already holds exactly that; temp file + rename. */
export function keepTextSync(file: string, text: string): void {
  try {
    if (readFileSync(file, "utf8") === text) return;
  } catch {
    // Not there yet.
  }
  mkdirSync(dirname(file), { recursive: true });
  const temp = join(
    dirname(file),
    `.${file.slice(dirname(file).length + 1)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never written.
    }
    throw error;
  }
}

export type LoadedPage =
  { text: string; notes: string[]; published?: string; title?: string } | { reason: string };

export function readPageFile(path: string, id: string, maxBytes = MAX_DOCUMENT_BYTES): LoadedPage {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    if (!statSync(path).isFile()) return { reason: "not a regular file" };
    fd = openSync(path, "r");
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { reason: `too large (${(size / 2 ** 20).toFixed(0)} MiB)` };
    bytes = readFileSync(fd);
  } catch (error) {
    return { reason: `cannot read: ${describeError(error)}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const page = readPageBytes(bytes);
  if (!page.ok) return { reason: page.reason };
  const kept = articleTextPath(path, id);
  try {
    keepTextSync(kept, page.text);
  } catch (error) {
    return {
      reason: `cannot keep its article text at ${articleTextName(id)}: ${describeError(error)}`,
    };
  }
  const notes = [
    `web page${page.encoding === "gb18030" ? " in GB18030" : ""}: article text kept in ${articleTextName(id)}`,
    ...(page.notes ?? []),
  ];
  return {
    text: page.text,
    notes,
    ...(page.published ? { published: page.published } : {}),
    ...(page.title ? { title: page.title } : {}),
  };
}
