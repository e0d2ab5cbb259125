// Filtering, sorting and searching facts for the table and the CSV download. Runs in the worker,
// where the facts live, so the main thread never walks a million rows.
import type { Column, FactRow, Indicator, ReviewState } from "./contract.ts";
import { overlaps, yearRange } from "./period.ts";

export interface FactFilter {
  indicator: Indicator;
  /** Region keys to keep; null keeps every region. */
  regions: readonly string[] | null;
  from: number | null;
  to: number | null;
  /** Only facts of this exact period (the comparison view). */
  period?: string | null;
  /** Case-insensitive text looked for in every shown column. */
  search?: string;
  /** Only facts of figures whose reports disagree (checked where the points are: the worker). */
  disputed?: boolean;
  /** Only facts in this review state ("unchecked": nobody decided); "" or absent: every state. */
  review?: ReviewFilter;
}

export type ReviewFilter = "" | "unchecked" | Exclude<ReviewState, "">;

export type SortColumn = Exclude<Column, "id" | "start" | "end" | "unit">;
export interface FactSort {
  column: SortColumn;
  descending: boolean;
}

export function matchesFilter(fact: FactRow, filter: FactFilter): boolean {
  if (fact.indicator !== filter.indicator) return false;
  if (filter.regions && !filter.regions.includes(fact.region)) return false;
  if (filter.period && fact.period !== filter.period) return false;
  if (filter.review && (fact.review || "unchecked") !== filter.review) return false;
  if (
    !overlaps({ start: fact.periodStart, end: fact.periodEnd }, yearRange(filter.from, filter.to))
  )
    return false;
  return true;
}

const SEARCHED = [
  "region",
  "period",
  "text",
  "quote",
  "subject",
  "source",
  "published",
  "kind",
  "qualifier",
] as const;

/** Returns a predicate for the search box; `extra` maps a fact to shown text such as region names. */
export function searchPredicate(
  search: string | undefined,
  extra: (fact: FactRow) => string = () => "",
): (fact: FactRow) => boolean {
  const needle = (search ?? "").trim().toLowerCase();
  if (!needle) return () => true;
  return (fact) =>
    SEARCHED.some((c) => fact[c].toLowerCase().includes(needle)) ||
    String(fact.value).includes(needle) ||
    extra(fact).toLowerCase().includes(needle);
}

export function compareFacts(sort: FactSort): (a: FactRow, b: FactRow) => number {
  const sign = sort.descending ? -1 : 1;
  const { column } = sort;
  return (a, b) => {
    let d: number;
    if (column === "value") d = a.value - b.value;
    else if (column === "period") d = a.periodStart - b.periodStart || a.periodEnd - b.periodEnd;
    else d = a[column] < b[column] ? -1 : a[column] > b[column] ? 1 : 0;
    return sign * d || a.index - b.index;
  };
}
