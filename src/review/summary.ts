// How far the extractor can be trusted on this data, from what a person checked: "of N checked
// facts, M were right as extracted". Counted from the facts as they stand (their review states)
// and the numbers whose facts were rejected (they are no longer among the facts).
import { REVIEW_STATES, type ReviewState } from "../model/contract.ts";
import type { FactStore } from "../model/factStore.ts";

export type ReviewCounts = Record<Exclude<ReviewState, ""> | "unchecked" | "rejected", number>;

export function countStates(
  store: Pick<FactStore, "count" | "review">,
  rejected: number,
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
