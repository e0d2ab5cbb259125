// Where the page keeps a person's decisions. Under `npm start` each one is posted to the server,
// which appends it to data/reviews.csv (scripts/write/reviews.ts); served as static files, they are
// kept in the browser (IndexedDB) and the page offers reviews.csv to download. Either way the page
// reads back the file (and the browser's decisions) to know every decision, other tabs' included.
// Loaded on use (useReviews imports it dynamically): it brings PapaParse, which the first bundle
// does without.
import { decodeDocument, parseReviews, reviewToCsvLine } from "../../extract/lib/index.ts";
import {
  reviewRecord,
  reviewsHeader,
  type Review,
  type TableProblem,
} from "../../extract/lib/index.ts";
import { browserStore } from "../write/browserStore.ts";
import { postWrite } from "../write/writeClient.ts";
import type { WriteMode } from "../write/writeMode.ts";
import type { WriteFailure } from "../i18n/writeErrors.ts";
import type { PageReview } from "./overlay.ts";

export const REVIEWS_URL = "/data/reviews.csv";
const ROUTE = "/api/reviews";

/** A decision kept in the browser: its line of reviews.csv, and what the page knew with it. */
interface StoredReview {
  key: string;
  line: string;
  quote?: string;
  published?: string;
}

export interface LoadedReviews {
  reviews: PageReview[];
  problems: TableProblem[];
  /** The text of data/reviews.csv as served ("" when there is none). */
  fileText: string;
  /** Lines kept in this browser (static mode). */
  browserLines: string[];
}

/** The text of data/reviews.csv and, when it cannot be read as text, why (named as a problem of
 * its line 1). */
async function fetchReviewsFile(): Promise<{ text: string; problem?: TableProblem }> {
  let response: Response;
  try {
    response = await fetch(REVIEWS_URL, { cache: "no-store" });
  } catch {
    return { text: "" };
  }
  if (response.status === 404 || !response.ok) return { text: "" };
  if ((response.headers.get("content-type") ?? "").startsWith("text/html")) return { text: "" };
  return decodeReviewsFile(new Uint8Array(await response.arrayBuffer()));
}

/**
 * The file's bytes decoded as `npm run extract` decodes them: UTF-8 (with or without BOM), else
 * GB18030 — what a spreadsheet on Chinese Windows saves — so the page applies the same decisions
 * as the run; never read as UTF-8 regardless, which turned every Chinese field into U+FFFD.
 */
export function decodeReviewsFile(bytes: Uint8Array): { text: string; problem?: TableProblem } {
  if (bytes.length === 0) return { text: "" };
  const decoded = decodeDocument(bytes);
  if (decoded.ok) return { text: decoded.text };
  if (!bytes.some((b) => b > 0x20)) return { text: "" };
  return {
    text: "",
    problem: {
      file: "data/reviews.csv",
      line: 1,
      message: `cannot be read: ${decoded.reason}`,
    },
  };
}

/** Every decision the page can know of: the file's, then the browser's (static mode). */
export async function loadReviews(
  mode: WriteMode,
  regionKeys: ReadonlySet<string>,
): Promise<LoadedReviews> {
  const fetched = await fetchReviewsFile();
  const fileText = fetched.text;
  const fromFile = parseReviews(fileText, regionKeys, "data/reviews.csv");
  if (fetched.problem) fromFile.problems.unshift(fetched.problem);
  let stored: StoredReview[] = [];
  if (mode.kind === "static") {
    stored = await browserStore<StoredReview>("reviews")
      .getAll()
      .catch(() => []);
    stored.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  const fromBrowser = parseReviews(
    reviewsHeader() + stored.map((s) => s.line).join(""),
    regionKeys,
    "browser storage",
  );
  const extras = stored.map((s) => ({ quote: s.quote, published: s.published }));
  // A browser decision is named by its line in the reviews.csv the page downloads (the file's
  // lines, then the browser's), as `npm run extract` will name it once that file is in data/.
  const shift = browserLineShift(fileText);
  return {
    reviews: [
      ...fromFile.reviews,
      ...fromBrowser.reviews.map((r, i) => ({
        ...r,
        line: r.line + shift,
        ...definedOnly(extras[i]),
      })),
    ],
    problems: [...fromFile.problems, ...fromBrowser.problems],
    fileText,
    browserLines: stored.map((s) => s.line),
  };
}

/**
 * What to add to the line of a decision kept in the browser (as parsed after the header alone)
 * to give its line in the reviews.csv that reviewsFileText joins: the served file's lines, the
 * header when there is none, a last line without its break counted.
 */
export function browserLineShift(fileText: string): number {
  const text = fileText.trim() ? fileText : reviewsHeader();
  const breaks = text.split("\n").length - 1;
  return (text.endsWith("\n") ? breaks : breaks + 1) - 1;
}

function definedOnly(extra: { quote?: string; published?: string } | undefined) {
  const out: { quote?: string; published?: string } = {};
  if (extra?.quote !== undefined) out.quote = extra.quote;
  if (extra?.published !== undefined) out.published = extra.published;
  return out;
}

/** Keeps one decision; why not, when it could not be kept (translated where it is shown). */
export async function saveReview(
  mode: WriteMode,
  review: PageReview,
): Promise<WriteFailure | null> {
  if (mode.kind === "server") {
    const result = await postWrite(mode, ROUTE, { review: reviewRecord(review) }, (answer) =>
      answer.ok === true ? true : undefined,
    );
    if (result.ok) return null;
    const { status, code, params, detail } = result;
    return { status, code, params, detail };
  }
  if (mode.kind === "server-off")
    return { status: 0, code: "writes-off", params: { reason: mode.reason }, detail: mode.reason };
  // Keys sort in the order decisions were made (time, then a random tie-break across tabs).
  const key = `${review.reviewedAt}|${Date.now().toString(36)}|${Math.random().toString(36).slice(2)}`;
  try {
    const record: StoredReview = { key, line: reviewToCsvLine(review) };
    if (review.quote !== undefined) record.quote = review.quote;
    if (review.published !== undefined) record.published = review.published;
    await browserStore<StoredReview>("reviews").put(record);
    return null;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { status: 0, code: "browser-storage", params: {}, detail };
  }
}

/** data/reviews.csv as it should be: the served file's rows, then the browser's decisions. */
export function reviewsFileText(loaded: LoadedReviews): string {
  const file = loaded.fileText.trim() ? loaded.fileText : reviewsHeader();
  const joined = file.endsWith("\n") ? file : `${file}\n`;
  return joined + loaded.browserLines.join("");
}

export type { Review };
