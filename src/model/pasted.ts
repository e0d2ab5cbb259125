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

/**
 * A mark of this page's session: when it started (milliseconds, base 36) and a random tail, so
 * that two tabs opened in the same millisecond differ too. Pasted articles' ids carry it.
 */
export function pastedSession(now = Date.now(), random = Math.random()): string {
  const tail = Math.floor(random * 36 ** 4)
    .toString(36)
    .padStart(4, "0");
  return `${now.toString(36)}${tail}`;
}

/**
 * The id of the session's n-th pasted article, `pasted-<session>-<n>`: unique across sessions,
 * so a decision kept in the browser about an article pasted in an earlier session (which is
 * gone with it) never attaches to another one pasted later. Ids of the old form `pasted-<n>`
 * still read as ids (decisions about them apply to nothing): no new article takes one again.
 */
export const pastedId = (session: string, n: number) => `pasted-${session}-${n}`;

/** An article pasted or dropped in this session, with the facts the extractor found in it. */
export interface PastedArticle {
  /** The document id its facts carry (pastedId), or kept-<hash> for one kept in this browser. */
  source: string;
  title: string;
  /** The text the facts' offsets point into. */
  text: string;
  published: string;
  facts: Fact[];
  /** Kept in this browser (IndexedDB) rather than pasted for the session: it stays, so a
   * person's decisions about it stay with it, as about an article of data/raw. */
  kept?: boolean;
}

/**
 * Whether a person can check the facts of a document: any article of the loaded data, and one
 * kept in this browser; not one pasted for the session, gone with the page (a decision about it
 * would apply to nothing from the next load on).
 */
export const isReviewable = (pasted: PastedArticle | undefined): boolean =>
  pasted === undefined || pasted.kept === true;

/** The sources of the articles pasted for the session only: nobody can check their facts. */
export const sessionOnlySources = (articles: readonly PastedArticle[]): string[] =>
  articles.filter((a) => !isReviewable(a)).map((a) => a.source);

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
