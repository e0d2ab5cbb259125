// The documents of an input folder: which files, in which order, and reading one of them.
import { closeSync, fstatSync, openSync, readFileSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { decodeDocument, type Decoded } from "./decode.ts";
import { DOCUMENT_EXTENSIONS } from "../page/files.ts";
import type { SourceEntry } from "./sources.ts";

/**
 * Documents larger than this are skipped with a reason rather than read. A 100 MB page is read;
 * the bound keeps one hostile file from taking the whole memory (a document is held in memory
 * twice while decoding: bytes and text).
 */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

/** Text documents and saved web pages (whose article text is found in extract/page). */
const DOCUMENT_EXTENSION = new RegExp(`\\.(${DOCUMENT_EXTENSIONS.join("|")})$`, "i");
/** True when a folder's file is a document (.txt, .md, .html, .htm) by its name. */
export const isDocumentFile = (name: string) => DOCUMENT_EXTENSION.test(name);
/** Files of an input folder that are not documents and not worth a word in the report. */
const NOT_DOCUMENTS = new Set(["sources.csv"]);

/** A document file to extract, in corpus order. */
export interface DocumentFile {
  /** The file name, e.g. `000_6f389480a371ebba.txt`. */
  name: string;
  /** The document id: the file name without its extension. */
  id: string;
  path: string;
  /** From sources.csv when given there. */
  published?: string;
}

/** A file left out, and why, for the report. */
export interface SkippedDocument {
  file: string;
  reason: string;
}

export interface DocumentListing {
  documents: DocumentFile[];
  skipped: SkippedDocument[];
  /** sources.csv rows that name no document of the folder. */
  unusedSources: SourceEntry[];
}

export function documentId(fileName: string): string {
  return fileName.replace(DOCUMENT_EXTENSION, "");
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Lists the .txt and .md files of `dir`, ordered by document id (the output is sorted by source,
 * so documents are processed in that order and rows can be written as they come). Only names are
 * held here, never texts. Rejects when the folder cannot be listed.
 */
export async function listDocuments(
  dir: string,
  sources: ReadonlyMap<string, SourceEntry> = new Map(),
): Promise<DocumentListing> {
  const entries = await readdir(dir, { withFileTypes: true });
  const skipped: SkippedDocument[] = [];
  const names: string[] = [];
  for (const entry of entries) {
    if (isDocumentFile(entry.name)) names.push(entry.name);
    else if (entry.isDirectory() || NOT_DOCUMENTS.has(entry.name) || entry.name.startsWith(".")) {
      // Folders (article-text/ among them), the metadata table and hidden files are not documents.
      continue;
    } else {
      const dot = entry.name.lastIndexOf(".");
      const type = dot > 0 ? entry.name.slice(dot) : "no extension";
      skipped.push({
        file: entry.name,
        reason: `unknown file type (${type}): documents are .txt, .md, .html or .htm`,
      });
    }
  }
  const candidates = names
    .map((name) => ({ name, id: documentId(name), path: join(dir, name) }))
    .sort((a, b) => compareCodeUnits(a.id, b.id) || compareCodeUnits(a.name, b.name));
  skipped.sort((a, b) => compareCodeUnits(a.file, b.file));

  const sourcesById = new Map<string, SourceEntry>();
  for (const entry of sources.values()) sourcesById.set(documentId(entry.file), entry);
  const used = new Set<SourceEntry>();

  const documents: DocumentFile[] = [];
  let previous: DocumentFile | undefined;
  for (const candidate of candidates) {
    if (candidate.name.startsWith(".")) {
      skipped.push({ file: candidate.name, reason: "hidden file" });
      continue;
    }
    if (previous && previous.id === candidate.id) {
      // Two files with one id would give facts with clashing ids and sources.
      skipped.push({ file: candidate.name, reason: `same document id as ${previous.name}` });
      continue;
    }
    const entry = sources.get(candidate.name) ?? sourcesById.get(candidate.id);
    if (entry) used.add(entry);
    const document: DocumentFile = entry?.published
      ? { ...candidate, published: entry.published }
      : candidate;
    documents.push(document);
    previous = document;
  }
  const unusedSources = [...sources.values()].filter((entry) => !used.has(entry));
  return { documents, skipped, unusedSources };
}

/**
 * Reads and decodes one document file. Synchronous on purpose: it runs on a worker thread (or in
 * a one-job run) where nothing else waits. Never throws: an unreadable file is a reason.
 */
export function readDocumentFile(path: string, maxBytes = MAX_DOCUMENT_BYTES): Decoded {
  let fd: number | undefined;
  try {
    // Checked before opening: opening a FIFO named page.txt would block until someone writes.
    if (!statSync(path).isFile()) return { ok: false, reason: "not a regular file" };
    fd = openSync(path, "r");
    const stat = fstatSync(fd);
    if (stat.size > maxBytes) {
      return {
        ok: false,
        reason: `too large (${(stat.size / 2 ** 20).toFixed(0)} MiB; the limit is ${(maxBytes / 2 ** 20).toFixed(0)} MiB)`,
      };
    }
    return decodeDocument(readFileSync(fd));
  } catch (error) {
    return { ok: false, reason: `cannot read: ${describeError(error)}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${code} ${error.message.replace(`${code}: `, "")}` : error.message;
  }
  return String(error);
}
