// From drafts to facts: the default period of a figure that names none, restatements, and the
// fact row with its offsets and quote in the original text.

import type { Fact, SourceDocument } from "./types.ts";
import { originalRange, type NormalizedText } from "./normalize.ts";
import type { Sentence } from "./segment.ts";
import type { PublicationDate } from "./periods.ts";
import type { Draft } from "./bind.ts";

const pad = (n: number) => String(n).padStart(2, "0");
/** A quote longer than this (a "sentence" with no full stop) is cut around the number. */
const QUOTE_LIMIT = 600;
/** The period a figure takes when the text gives none: see the contract. */
export function defaultPeriod(draft: Draft, pub: PublicationDate, batch: boolean): string {
  const month = `${pub.year}-${pad(pub.month)}`;
  // 全市固定资产投资要确保增长5%, 力争外贸进出口突破1700亿元: a goal for a rate or an amount
  // with no period of its own is the year's, due by its end (a rate of one month is no goal); a
  // project's planned investment, and counts, keep the month.
  if (
    draft.kind === "target" &&
    !draft.capacity &&
    draft.family.unit !== "count" &&
    draft.family.name !== "project_investment"
  )
    return `${pub.year}`;
  if (draft.kind !== "actual" || draft.capacity) return month;
  if (draft.family.name === "enterprise_count" || draft.state || draft.runningTotal) return month;
  if (draft.family.name === "project_investment" && !batch) return month;
  return `${pub.year - 1}`;
}

/**
 * True when another sentence already stated this figure: same indicator, region, period and
 * value, and subjects that agree (one contains the other: 重大项目 and 项目, or an empty one).
 * Records the figure otherwise. Two equal figures in one sentence are two facts.
 */
export function restated(
  seen: Map<string, { subject: string; sentence: Sentence }[]>,
  d: Draft,
  period: string,
  sentence: Sentence,
): boolean {
  const key = `${d.indicator}|${d.region}|${period}|${d.value}`;
  const earlier = seen.get(key) ?? [];
  const same = earlier.some(
    (e) =>
      e.sentence !== sentence && (e.subject.includes(d.subject) || d.subject.includes(e.subject)),
  );
  if (!same) seen.set(key, [...earlier, { subject: d.subject, sentence }]);
  return same;
}

export function toFact(
  doc: SourceDocument,
  norm: NormalizedText,
  sentence: Sentence,
  d: Draft,
  period: string,
  published: string,
): Fact {
  const [start, end] = originalRange(norm, d.token.start, d.token.end);
  const long = sentence.end - sentence.start > QUOTE_LIMIT;
  const [qs, qe] = originalRange(
    norm,
    long ? Math.max(sentence.start, d.token.start - QUOTE_LIMIT / 2) : sentence.start,
    long ? Math.min(sentence.end, d.token.end + QUOTE_LIMIT / 2) : sentence.end,
  );
  return {
    id: `${doc.id}-${start}-${d.indicator}`,
    indicator: d.indicator,
    region: d.region!,
    period,
    // The contract states CNY in whole yuan: 3456.78912万元 is 34567891, not 34567891.2.
    value: d.unit === "CNY" ? Math.round(d.value) : d.value,
    unit: d.unit,
    qualifier: d.qualifier,
    kind: d.kind,
    subject: d.subject,
    source: doc.id,
    published,
    text: doc.text.slice(start, end),
    quote: doc.text.slice(qs, qe),
    start,
    end,
  };
}
