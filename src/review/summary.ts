// How far the extractor can be trusted on this data, from what a person checked: "of N checked
// facts, M were right as extracted". Counted from the facts as they stand (their review states)
// and the numbers whose facts were rejected (they are no longer among the facts).
import { REVIEW_STATES, type ReviewState } from "../model/contract.ts";
import type { FactStore } from "../model/factStore.ts";

export type ReviewCounts = Record<Exclude<ReviewState, ""> | "unchecked" | "rejected", number>;

/** Whether a person can check the fact at a position of a store. */
export type Checkable = (index: number) => boolean;

/**
 * The facts a person can check: all but those of articles pasted for the session only (no review
 * buttons, and the 待核对 queue skips them: a decision about one would apply to nothing once the
 * page is gone). Counted and queued by this one test, so the count and the queue agree.
 */
export function checkableIn(
  store: Pick<FactStore, "source" | "sources">,
  sessionOnly: ReadonlySet<string>,
): Checkable {
  const skip = new Set<number>();
  for (const source of sessionOnly) {
    const id = store.sources.find(source);
    if (id >= 0) skip.add(id);
  }
  return skip.size ? (i) => !skip.has(store.source[i]!) : () => true;
}

/** The positions of the first `limit` facts nobody has checked that a person can, and how many
 * there are: the 待核对 queue and its count. */
export function uncheckedFacts(
  store: Pick<FactStore, "count" | "review">,
  limit: number,
  checkable: Checkable = () => true,
): { positions: number[]; total: number } {
  const positions: number[] = [];
  let total = 0;
  for (let i = 0; i < store.count; i++) {
    if (store.review[i] !== 0 || !checkable(i)) continue;
    if (total++ < limit) positions.push(i);
  }
  return { positions, total };
}

export function countStates(
  store: Pick<FactStore, "count" | "review">,
  rejected: number,
  checkable: Checkable = () => true,
): ReviewCounts {
  const counts: ReviewCounts = {
    unchecked: 0,
    confirmed: 0,
    corrected: 0,
    added: 0,
    stale: 0,
    rejected,
  };
  for (let i = 0; i < store.count; i++) {
    if (!checkable(i)) continue;
    const state = REVIEW_STATES[store.review[i]!] ?? "";
    counts[state === "" ? "unchecked" : state]++;
  }
  return counts;
}

/**
 * Extracted facts a person checked, and those found right as extracted: a confirmed fact was
 * right; a corrected, rejected or stale one was not (stale: confirmed once, read differently now).
 * Added facts were missed, not checked.
 */
export function trustFigures(c: ReviewCounts): { checked: number; right: number } {
  return { checked: c.confirmed + c.corrected + c.stale + c.rejected, right: c.confirmed };
}
