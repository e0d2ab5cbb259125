// The dashboard's copy of the decisions applied to the loaded facts, so that a decision shows in
// the chart, comparison, map, district page, table and downloads at once, before `npm run
// extract` next writes it into indicators.csv. The loaded file may already carry decisions (the
// last run applied them); playing the same decisions again on its rows gives the same rows, so the
// whole list is applied every time. Pure: runs in the parse worker.
//
// As `npm run extract` does, a decision about a document that is not here (its file gone from
// data/raw — deleted into data/trash/ or by hand — or pasted in another session) is applied to
// nothing, whether or not the loaded CSV still has rows of it: an addition about it is not
// shown, and the decision is counted, not dropped; the file keeps it, so when the document comes
// back (saved again: same bytes, same id) it applies again.
import {
  additionId,
  decideReviews,
  factIdOf,
  fieldsOf,
  matchOnSpan,
  sameFields,
  type Review,
  type ReviewedFields,
} from "../../extract/lib/index.ts";
import type { FactRow, ReviewState } from "../model/contract.ts";
import { parsePeriod } from "../model/period.ts";

/** A decision as the page knows it: an addition made here brings its sentence and date. */
export interface PageReview extends Review {
  quote?: string;
  published?: string;
}

/** A decision as the review bar names it, as the extract report does: its line of reviews.csv
 * (for one kept in this browser, its line in the reviews.csv the bar downloads), what it did,
 * the number and its article. */
export interface NamedDecision {
  line: number;
  action: Review["action"];
  text: string;
  source: string;
}

export interface Overlaid {
  rows: FactRow[];
  /** Numbers whose last decision is a rejection of a fact the extractor read (not of a
   * person's own addition, taken back). */
  rejected: number;
  /** Decisions (rows of reviews.csv) about documents that are not here: applied to nothing, as
   * the extract report names them. A rejection among them is not counted in `rejected` either:
   * `npm run eval -- --reviews` does not score a document that is gone. */
  gone: NamedDecision[];
  /** Numbers a person decided about in a document that is here, which the loaded file has no row
   * for yet (added, or confirmed or corrected where the file was extracted without them): shown
   * as the next `npm run extract` will write them, each named by its last decision. */
  waiting: NamedDecision[];
  /** Decisions whose id found no row and whose span is shared by several rows that their fields
   * do not tell apart: applied to nothing (never to a wrong row), as the extract report names
   * them. */
  unmatched: NamedDecision[];
}

const named = (r: Review): NamedDecision => ({
  line: r.line,
  action: r.action,
  text: r.text,
  source: r.source,
});

/** Whether a document is here as `npm run extract` sees it: its file is in data/raw (a row of
 * sources.csv alone is not a document), or it was pasted or kept in this browser. */
export type HasDocument = (source: string) => boolean;

const spanKey = (source: string, start: number | null, end: number | null) =>
  `${source}\u0000${start ?? ""}\u0000${end ?? ""}`;

/** `rows` with `reviews` (in the order they were made) applied; rows nobody decided about stay. */
export function overlayReviews(
  rows: readonly FactRow[],
  reviews: readonly PageReview[],
  hasDocument: HasDocument,
): Overlaid {
  if (!reviews.length) {
    return { rows: [...rows], rejected: 0, gone: [], waiting: [], unmatched: [] };
  }
  // Matched as applyReviews matches them: by id, else by span and the fields that tell the
  // span's rows apart; an addition is its own number (additionId) unless a row on its span has
  // its very fields.
  const byId = new Map<string, number>();
  // Indices only, per row (a loaded file may hold a million): the fields of a span's rows are
  // read when a decision looks at that span.
  const bySpan = new Map<string, number[]>();
  rows.forEach((row, i) => {
    if (row.id) byId.set(row.id, i);
    const key = spanKey(row.source, row.start, row.end);
    const list = bySpan.get(key);
    if (list) list.push(i);
    else bySpan.set(key, [i]);
  });
  const rowsOn = (span: string): (ReviewedFields & { at: number })[] =>
    (bySpan.get(span) ?? []).map((i) => ({ ...fieldsOf(rows[i]!), at: i }));
  const onRow = new Map<number, PageReview[]>();
  const elsewhere = new Map<string, PageReview[]>();
  const additions = new Map<string, string>();
  const addedOnSpan = new Map<string, (ReviewedFields & { key: string })[]>();
  const unmatched: NamedDecision[] = [];
  for (const review of reviews) {
    const span = spanKey(review.source, review.start, review.end);
    const onSpan = rowsOn(span);
    let at: number | undefined;
    let key: string | undefined;
    if (review.action === "add") {
      const id = additionId(review);
      at = byId.get(id) ?? onSpan.find((r) => sameFields(r, review))?.at;
      if (at === undefined) {
        key = `add\u0000${id}`;
        additions.set(id, key);
        addedOnSpan.set(span, [...(addedOnSpan.get(span) ?? []), { ...fieldsOf(review), key }]);
      }
    } else {
      at = review.factId ? byId.get(review.factId) : undefined;
      key = at === undefined && review.factId ? additions.get(review.factId) : undefined;
      if (at === undefined && key === undefined) {
        const added = addedOnSpan.get(span) ?? [];
        const match = onSpan.length ? matchOnSpan(review, onSpan) : matchOnSpan(review, added);
        if ("ambiguous" in match) {
          unmatched.push(named(review));
          continue;
        }
        if ("none" in match) key = span;
        else if ("at" in match.found) at = (match.found as { at: number }).at;
        else key = (match.found as { key: string }).key;
      }
      const moved =
        key === undefined ? undefined : addedOnSpan.get(span)?.find((a) => a.key === key);
      if (moved && review.action === "correct") Object.assign(moved, fieldsOf(review));
    }
    if (at !== undefined) onRow.set(at, [...(onRow.get(at) ?? []), review]);
    else if (key !== undefined) elsewhere.set(key, [...(elsewhere.get(key) ?? []), review]);
  }
  const out: FactRow[] = [];
  let rejected = 0;
  const gone: NamedDecision[] = [];
  const waiting: NamedDecision[] = [];
  /** A document's date as its loaded rows give it, for a number shown before the file has it. */
  const published = new Map<string, string>();
  for (const row of rows) if (!published.has(row.source)) published.set(row.source, row.published);
  rows.forEach((row, i) => {
    const history = onRow.get(i);
    if (!history) return out.push(row);
    // A row of a document that is gone (its file removed, the CSV not extracted again): the run
    // reads nothing there, so its decisions apply to nothing; the row stays as the file has it.
    if (!hasDocument(row.source)) {
      gone.push(...history.map(named));
      return out.push(row);
    }
    // A row the run marked stale with the very values last confirmed is one the extractor read
    // nothing at (applyReviews wrote the confirmed values): replayed as such, it stays stale.
    const last = history[history.length - 1]!;
    const readNothing =
      row.review === "stale" && last.action === "confirm" && sameFields(fieldsOf(last), row);
    const decided = decideReviews(readNothing ? undefined : row, history);
    if (!decided.fields) {
      // A person taking back their own addition (the row a run wrote for it): nothing the
      // extractor read was found wrong, as `npm run eval -- --reviews` counts it.
      if (row.review !== "added") rejected++;
      return;
    }
    const range = parsePeriod(decided.fields.period);
    if (!range) return out.push(row);
    // A row the file already marks (a run applied these decisions) keeps its mark when replaying
    // them changes nothing.
    const state: ReviewState = decided.state || row.review;
    out.push({
      ...row,
      ...decided.fields,
      periodStart: range.start,
      periodEnd: range.end,
      review: state,
    });
  });
  for (const history of elsewhere.values()) {
    const last = history[history.length - 1]!;
    // No row, and the document is not here either: whatever was decided applies to nothing.
    if (!hasDocument(last.source)) {
      gone.push(...history.map(named));
      continue;
    }
    // A number with no row in a document that is here: rejected (gone from the data, as it
    // should be), or one the file does not hold yet — an addition, or a confirmation or
    // correction of a number the loaded file was extracted without. The next `npm run extract`
    // writes it (applyReviews: added, corrected, or stale for a confirmation of a number it reads
    // nothing at), so it is shown so now, and named in the bar as not in the file yet.
    if (last.action === "reject") {
      // Counted as an extracted fact found wrong, unless the number was the person's own
      // addition, taken back: the extractor read nothing there.
      if (history[0]!.action !== "add") rejected++;
      continue;
    }
    const decided = decideReviews(undefined, history);
    const range = decided.fields && parsePeriod(decided.fields.period);
    if (!decided.fields || !range) continue;
    const made = [...history].reverse().find((r) => r.quote !== undefined);
    out.push({
      index: 0,
      line: 0,
      id: factIdOf(history),
      ...decided.fields,
      periodStart: range.start,
      periodEnd: range.end,
      source: last.source,
      published: made?.published ?? published.get(last.source) ?? "",
      text: last.text,
      quote: made?.quote ?? last.text,
      start: last.start,
      end: last.end,
      review: decided.state,
    });
    waiting.push(named(last));
  }
  return { rows: out, rejected, gone, waiting, unmatched };
}
