// Facts → chart points. Several articles often report the same figure; the chart shows one point
// per indicator, region, period and kind, and keeps every fact behind it for the sources view.
import type { FactRow, Indicator, Kind, Qualifier } from "./contract.ts";

export interface Point {
  indicator: Indicator;
  region: string;
  period: string;
  periodStart: number;
  periodEnd: number;
  kind: Kind;
  /** The value drawn: that of the representative fact (see `representative`). */
  value: number;
  qualifier: Qualifier;
  /** The subject of the representative fact; empty for a region-wide total. */
  subject: string;
  /** Row indexes of every fact behind this point, representative first. */
  facts: number[];
  /** Distinct sources behind this point, with their publication dates. */
  sources: { source: string; published: string }[];
}

export const pointKey = (f: Pick<FactRow, "indicator" | "region" | "period" | "kind">) =>
  `${f.indicator}\u0000${f.region}\u0000${f.period}\u0000${f.kind}`;

/**
 * Which of several facts stands for the point: an exact figure over a hedged one (超, 约), then a
 * region-wide total over a figure about one subject, then the newest article, then the first row.
 */
export function representative(a: FactRow, b: FactRow): FactRow {
  const score = (f: FactRow) => [f.qualifier === "exact" ? 1 : 0, f.subject ? 0 : 1] as const;
  const [sa, sb] = [score(a), score(b)];
  if (sa[0] !== sb[0]) return sa[0] > sb[0] ? a : b;
  if (sa[1] !== sb[1]) return sa[1] > sb[1] ? a : b;
  if (a.published !== b.published) return a.published > b.published ? a : b;
  return a.index <= b.index ? a : b;
}

export class PointAggregator {
  private readonly byKey = new Map<
    string,
    { best: FactRow; facts: number[]; sources: Map<string, string> }
  >();

  add(fact: FactRow): void {
    const key = pointKey(fact);
    const entry = this.byKey.get(key);
    if (!entry) {
      this.byKey.set(key, {
        best: fact,
        facts: [fact.index],
        sources: new Map([[fact.source, fact.published]]),
      });
      return;
    }
    entry.facts.push(fact.index);
    if (!entry.sources.has(fact.source)) entry.sources.set(fact.source, fact.published);
    entry.best = representative(entry.best, fact);
  }

  points(): Point[] {
    const out: Point[] = [];
    for (const { best, facts, sources } of this.byKey.values()) {
      out.push({
        indicator: best.indicator,
        region: best.region,
        period: best.period,
        periodStart: best.periodStart,
        periodEnd: best.periodEnd,
        kind: best.kind,
        value: best.value,
        qualifier: best.qualifier,
        subject: best.subject,
        facts: [best.index, ...facts.filter((i) => i !== best.index)],
        sources: [...sources].map(([source, published]) => ({ source, published })),
      });
    }
    return out;
  }
}

export function aggregate(facts: Iterable<FactRow>): Point[] {
  const aggregator = new PointAggregator();
  for (const fact of facts) aggregator.add(fact);
  return aggregator.points();
}
