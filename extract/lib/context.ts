// What the binding steps share about one document: the normalized text, the mentions found in
// it (places, periods), its paragraphs and sections, and how far to look around a number.

import type { Paragraph } from "./segment.ts";
import type { PeriodMention, PublicationDate } from "./periods.ts";
import type { Gazetteer, PlaceMention } from "./regions.ts";
import type { DocModel } from "./document.ts";
import { within } from "./spans.ts";

export { lowerBound, within } from "./spans.ts";

export interface DocContext {
  text: string;
  gaz: Gazetteer;
  pub: PublicationDate | undefined;
  places: PlaceMention[];
  periods: PeriodMention[];
  paragraphs: Paragraph[];
  pageCounts: Map<string, number>;
  /** The page read as a document: headline, lead, titles and what each carries down. */
  doc: DocModel;
  /** The region a page is about, when one clearly dominates its mentions. */
  pageRegion: string | undefined;
}

// How far the binding looks around a number, in characters: text without punctuation (or a page
// that is one paragraph) must not make every number rescan everything before it.
export const CLAUSE_WINDOW = 200;
export const SENTENCE_WINDOW = 400;
export const PARAGRAPH_WINDOW = 1500;
/** The end of the last place or period named in [from, to), or `from`. */
export function mentionEndBefore(ctx: DocContext, from: number, to: number): number {
  let a = from;
  for (const list of [ctx.places, ctx.periods] as const) {
    for (const m of within<{ start: number; end: number }>(list, from, to)) a = Math.max(a, m.end);
  }
  return a;
}

/** The region named most on a page, if it is named at least three times and half again as often
 * as any other: a page about one place, whose figures may leave the place unsaid. */
export function dominantRegion(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let first = 0;
  let second = 0;
  let total = 0;
  for (const [key, n] of counts) {
    total += n;
    if (n > first || (n === first && best !== undefined && key < best)) {
      second = first;
      first = n;
      best = key;
    } else if (n > second) second = n;
  }
  return first >= 3 && first >= 1.5 * second && first * PAGE_SHARE >= total ? best : undefined;
}

/** A page is about its most named region only when that region has at least one mention in
 * PAGE_SHARE of all (a survey of 18 places naming 湖南 five times is about none of them). */
const PAGE_SHARE = 3;
