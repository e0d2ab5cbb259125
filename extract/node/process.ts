// One document from job to CSV rows. The same function runs on worker threads and in a one-job
// run, which is why `--jobs 1` and `--jobs N` give the same bytes.
import { applyReviews, type ReviewScore } from "../lib/applyReviews.ts";
import { factsToCsvRows } from "../lib/csv.ts";
import type { Review } from "../lib/reviews.ts";
import type { DocumentResult, Fact, Region, SourceDocument } from "../lib/types.ts";
import { isPageFile } from "../page/files.ts";
import { readDocumentFile } from "./documents.ts";
import type { readPageFile } from "./page.ts";

/**
 * The web-page reader (linkedom and Readability, a third of the bundle), loaded the first time a
 * page comes: evaluating it at start-up cost every run of the command 80 ms, pages or not. The
 * bundler turns the dynamic import into a lazily evaluated module of the same file.
 */
let readPage: typeof readPageFile | undefined;

export async function loadPageReader(): Promise<void> {
  readPage ??= (await import("./page.ts")).readPageFile;
}

/** Whether `job` is a web page and the page reader is not loaded yet (await loadPageReader). */
export const needsPageReader = (job: DocumentJob): boolean =>
  !readPage && job.kind === "file" && isPageFile(job.path);

/** A document to extract: a file to read, or a text that came in on standard input. */
export type DocumentJob = (
  | { kind: "file"; label: string; id: string; path: string; published?: string }
  | { kind: "text"; label: string; id: string; text: string; published?: string }
) & {
  /** The decisions of data/reviews.csv about this document, in file order, to apply. */
  reviews?: Review[];
};

/** What the document's decisions came to (see applyReviews). */
export interface ReviewTally {
  applied: number;
  /** Confirmed facts the extractor now reads differently: their ids and the number. */
  stale: { id: string; text: string }[];
  /** Decisions applied to nothing: their reviews.csv line and why. */
  unapplied: { line: number; action: string; text: string; reason: string }[];
  score: ReviewScore;
}

export type DocumentOutcome =
  | {
      ok: true;
      /** How the report names the document: a file name, or `stdin line N`. */
      label: string;
      id: string;
      published: string;
      publishedGuessed: boolean;
      factCount: number;
      /** The document's rows of the contract CSV, sorted by start; "" when it has no fact. */
      csvRows: string;
      /** Decoded length in UTF-16 code units, for throughput figures. */
      chars: number;
      notes: string[];
      /** Present when the job carried reviews. */
      reviews?: ReviewTally;
    }
  | { ok: false; label: string; id: string; reason: string };

/** The extraction library's entry point, injected so the pipeline can be tested on its own. */
export type Extractor = (doc: SourceDocument, options: { regions: Region[] }) => DocumentResult;

/** Rows are sorted by start; a stable sort keeps the extractor's order for equal starts. */
export function sortFactsByStart(facts: readonly Fact[]): Fact[] {
  return [...facts].sort((a, b) => a.start - b.start);
}

export type Loaded = { text: string; notes: string[]; published?: string } | { reason: string };

/**
 * The text of a job as the extractor reads it: decoded, or a web page's article text (with its
 * metadata date); a reason when it cannot be read. For a page, load the page reader first.
 */
export function loadText(job: DocumentJob): Loaded {
  if (job.kind === "text") {
    return job.text.trim() ? { text: job.text, notes: [] } : { reason: "empty document (no text)" };
  }
  // A web page: its article text (kept beside it), and its date where sources.csv gave none.
  if (isPageFile(job.path)) {
    return readPage ? readPage(job.path, job.id) : { reason: "the page reader is not loaded" };
  }
  const decoded = readDocumentFile(job.path);
  if (!decoded.ok) return { reason: decoded.reason };
  const notes =
    decoded.encoding === "gb18030" ? ["decoded as GB18030", ...decoded.notes] : decoded.notes;
  return { text: decoded.text, notes };
}

/** Reads (when a file), extracts and serialises one document. Never throws. */
export function processDocument(
  job: DocumentJob,
  regions: Region[],
  extract: Extractor,
): DocumentOutcome {
  const { label, id } = job;
  const loaded = loadText(job);
  if ("reason" in loaded) return { ok: false, label, id, reason: loaded.reason };
  const published = job.published ?? ("published" in loaded ? loaded.published : undefined);
  const doc: SourceDocument = published
    ? { id, text: loaded.text, published }
    : { id, text: loaded.text };
  let result: DocumentResult;
  try {
    result = extract(doc, { regions });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, label, id, reason: `extractor failed: ${message}` };
  }
  let facts = sortFactsByStart(result.facts);
  let reviews: ReviewTally | undefined;
  if (job.reviews?.length) {
    const outcome = applyReviews(
      { id, text: loaded.text, published: result.published },
      facts,
      job.reviews,
    );
    facts = outcome.facts;
    reviews = {
      applied: outcome.applied,
      stale: outcome.stale.map((f) => ({ id: f.id, text: f.text })),
      unapplied: outcome.unapplied.map(({ review, reason }) => ({
        line: review.line,
        action: review.action,
        text: review.text,
        reason,
      })),
      score: outcome.score,
    };
  }
  return {
    ok: true,
    label,
    id,
    published: result.published,
    publishedGuessed: result.publishedGuessed,
    factCount: facts.length,
    csvRows: factsToCsvRows(facts),
    chars: loaded.text.length,
    notes: loaded.notes,
    ...(reviews ? { reviews } : {}),
  };
}
