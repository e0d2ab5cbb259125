// POST /api/reviews: one decision appended to data/reviews.csv. The row is checked by the same
// parser `npm run extract` reads the file with (so the server never writes a row a run would
// refuse), and its number must stand at its span in the document under data/raw. Appended, never
// rewritten: decisions from two tabs at once are queued one after the other and both kept.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Papa from "papaparse";
import {
  parseReviews,
  REVIEW_COLUMNS,
  reviewsFileColumns,
  reviewsHeader,
  type Review,
} from "../../extract/lib/index.ts";
import { ConfigError, loadRegions } from "../../extract/node/config.ts";
import { listDocuments } from "../../extract/node/documents.ts";
import { refuse, type WriteRoute } from "./api.ts";
import type { RefusalParams, WriteRefusalCode } from "./protocol.ts";

/** Why a decision is refused: a code for the page, its values, and English words. */
type Problem = { code: WriteRefusalCode; error: string; params?: RefusalParams };
import { appendLine, withFileLock } from "./files.ts";
import { loadTextOffThread } from "./saveWork.ts";

export const REVIEWS_PATH = "/api/reviews";
/** A decision is a few hundred bytes; a note may be long, not megabytes. */
const MAX_REVIEW_BYTES = 64 * 1024;

/** The body's `review` object as the cells of a CSV row, in REVIEW_COLUMNS order. */
function cellsOf(body: unknown): string[] | Problem {
  if (typeof body !== "object" || body === null || !("review" in body))
    return { code: "bad-review", error: 'the body must be {"review": {reviewed_at, action, …}}' };
  const review = (body as { review: unknown }).review;
  if (typeof review !== "object" || review === null)
    return { code: "bad-review", error: "review must be an object" };
  const record = review as Record<string, unknown>;
  const cells: string[] = [];
  for (const column of REVIEW_COLUMNS) {
    const value = record[column] ?? "";
    if (typeof value !== "string" && typeof value !== "number")
      return {
        code: "bad-review",
        error: `review.${column} must be text or a number`,
        params: { field: column },
      };
    cells.push(String(value));
  }
  return cells;
}

/** One RFC 4180 row of reviews.csv, with its line end; values as written (no formula escaping:
 * the file is data, as the contract says). */
const csvLine = (cells: readonly string[]) =>
  Papa.unparse([cells], { newline: "\n", escapeFormulae: false }) + "\n";

export function reviewsRoute(dataDir: string): WriteRoute {
  const file = join(dataDir, "reviews.csv");
  return {
    path: REVIEWS_PATH,
    maxBodyBytes: MAX_REVIEW_BYTES,
    async handle(body) {
      const cells = cellsOf(body);
      if (!Array.isArray(cells)) return refuse(400, cells.code, cells.error, cells.params);
      const line = csvLine(cells);
      // A region table a run cannot use refuses the decision, named, rather than failing inside.
      let regions;
      try {
        regions = await loadRegions(join(dataDir, "regions.csv"));
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return refuse(409, "tables-problem", `${error.messages.join("; ")} (nothing was changed)`, {
          message: error.messages.join("; "),
        });
      }
      const { reviews, problems } = parseReviews(
        reviewsHeader() + line,
        new Set(regions.map((r) => r.key)),
        "the review",
      );
      const review = reviews[0];
      if (problems.length || !review) {
        const p = problems[0];
        return refuse(
          422,
          "review-field",
          p ? `${p.field ?? "row"}: ${p.message}` : "an empty review",
          {
            field: p?.field ?? "row",
            message: p?.message ?? "",
          },
        );
      }
      const held = await numberAt(join(dataDir, "raw"), review);
      if (held !== true) return refuse(422, held.code, held.error, held.params);
      // One queue for the check of the header and the append, so two first decisions at once
      // write the header once.
      const refused = await withFileLock(`${file}#reviews`, async () => {
        const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
          if (error.code === "ENOENT") return Buffer.alloc(0);
          throw error;
        });
        let text: string;
        try {
          text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        } catch {
          // A spreadsheet's GBK: a UTF-8 row after it makes a file no reader decodes whole.
          return {
            code: "reviews-not-utf8",
            error:
              "data/reviews.csv is not UTF-8 (a spreadsheet may have saved it as GBK): save it as UTF-8 and decide again (nothing was changed)",
          } satisfies Problem;
        }
        if (!text.trim()) {
          await appendLine(file, reviewsHeader() + line);
          return undefined;
        }
        // A file edited by hand keeps its own column order (and any column of the person's own):
        // the row goes in that order, or it would be read back as another decision.
        const columns = reviewsFileColumns(text);
        const missing = REVIEW_COLUMNS.filter((c) => !columns.includes(c));
        if (missing.length) {
          return {
            code: "reviews-header",
            error: `data/reviews.csv line 1: missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}, so no decision in it can be read: put the header back (${REVIEW_COLUMNS.join(",")}) and decide again (nothing was changed)`,
            params: { missing: missing.join(", ") },
          } satisfies Problem;
        }
        const byName = new Map(REVIEW_COLUMNS.map((c, i) => [c as string, cells[i]!]));
        const row = columns.map((c) => byName.get(c) ?? "");
        await appendLine(file, csvLine(row));
        return undefined;
      });
      if (refused) return refuse(409, refused.code, refused.error, refused.params);
      return { status: 200, body: { ok: true, review: { ...review, line: 0 } } };
    },
  };
}

/** True when the review's document is under `rawDir` with its text at its span; else why not.
 * Only the text counts: sources.csv (dates and titles) is not read, so a hand edit that broke a
 * row of it does not stop a person from deciding. */
async function numberAt(rawDir: string, review: Review): Promise<true | Problem> {
  const listing = await listDocuments(rawDir).catch(() => undefined);
  const document = listing?.documents.find((d) => d.id === review.source);
  if (!document)
    return {
      code: "no-document",
      error: `source: no document ${review.source} in data/raw`,
      params: { source: review.source },
    };
  // The text the facts' offsets point into: the decoded file, or a web page's article text.
  // Read off the server's thread (saveWork.ts): a large saved page takes seconds.
  const job = { kind: "file", label: document.name, id: document.id, path: document.path } as const;
  const loaded = await loadTextOffThread(job);
  if ("reason" in loaded)
    return {
      code: "document-unreadable",
      error: `source: ${review.source} cannot be read: ${loaded.reason}`,
      params: { source: review.source, reason: loaded.reason },
    };
  const held = loaded.text.slice(review.start, review.end);
  if (held !== review.text)
    return {
      code: "text-moved",
      error: `text: ${review.start}–${review.end} of ${review.source} holds "${held}", not "${review.text}"`,
      params: { source: review.source, held, text: review.text },
    };
  return true;
}
