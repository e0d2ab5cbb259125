// Facts of articles pasted in this session, joined to the facts of the loaded file: a new store
// holding the file's facts (same positions, so their rows and points stay put) and then the
// pasted ones, which take line 0 (they come from no file line).
import type { Fact } from "../../extract/lib/index.ts";
import { INDICATOR_UNIT, isIndicator, type FactRow } from "./contract.ts";
import { FactStore } from "./factStore.ts";
import { parsePeriod } from "./period.ts";

/** A pasted fact as a dashboard row, or null when the table or the contract has no place for it. */
export function pastedRow(fact: Fact, regionKeys: ReadonlySet<string>): FactRow | null {
  const range = parsePeriod(fact.period);
  if (!range || !regionKeys.has(fact.region) || !isIndicator(fact.indicator)) return null;
  if (INDICATOR_UNIT[fact.indicator] !== fact.unit || !Number.isFinite(fact.value)) return null;
  return {
    ...fact,
    index: 0,
    line: 0,
    periodStart: range.start,
    periodEnd: range.end,
    review: fact.review ?? "",
  };
}

export function joinPasted(
  base: FactStore,
  pasted: readonly Fact[],
  regionKeys: ReadonlySet<string>,
): FactStore {
  const store = new FactStore();
  if (base.count) store.append(base.block(), 0);
  for (const fact of pasted) {
    const row = pastedRow(fact, regionKeys);
    if (row) store.add(row);
  }
  return store;
}

/** An article pasted or dropped in this session, with the facts the extractor found in it. */
export interface PastedArticle {
  /** The document id its facts carry (pasted-N). */
  source: string;
  title: string;
  /** The text the facts' offsets point into. */
  text: string;
  published: string;
  facts: Fact[];
}

/** Every fact of the session's articles, in the order they were added. */
export const pastedFacts = (articles: readonly PastedArticle[]): Fact[] =>
  articles.flatMap((a) => a.facts);

/** A fact as the CSV download writes it: its sentence and offsets as extracted. */
export const factAsRow = (fact: Fact): FactRow => {
  const range = parsePeriod(fact.period);
  return {
    ...fact,
    index: 0,
    line: 0,
    periodStart: range?.start ?? 0,
    periodEnd: range?.end ?? 0,
    review: fact.review ?? "",
  };
};
