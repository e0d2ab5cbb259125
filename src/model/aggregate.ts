// Facts → chart points. Several articles often report the same figure; the chart shows one point
// per indicator, region, period and kind, and keeps every fact behind it for the sources view.
// The worker aggregates; the page receives the points as a columnar table of typed arrays (moved,
// not copied) and turns into objects only the points of the indicator it shows.
import {
  INDICATORS,
  KINDS,
  QUALIFIERS,
  type FactRow,
  type Indicator,
  type Kind,
  type Qualifier,
} from "./contract.ts";

/** A chart point as the page uses it. */
export interface Point {
  /** Its row in the point table; the worker finds the facts behind it by this id. */
  id: number;
  indicator: Indicator;
  region: string;
  period: string;
  periodStart: number;
  periodEnd: number;
  kind: Kind;
  value: number;
  qualifier: Qualifier;
  /** How many facts (reports) stand behind the point. */
  factCount: number;
}

/** A point in the worker, with every fact behind it. */
export interface AggregatedPoint {
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

/** Points as columns: typed arrays plus the few distinct strings they index. */
export interface PointTable {
  count: number;
  indicator: Uint8Array;
  region: Uint16Array;
  regionKeys: string[];
  period: Uint32Array;
  periods: { label: string; start: number; end: number }[];
  kind: Uint8Array;
  qualifier: Uint8Array;
  value: Float64Array;
  factCount: Uint32Array;
}

export function toPointTable(points: readonly AggregatedPoint[]): PointTable {
  const count = points.length;
  const table: PointTable = {
    count,
    indicator: new Uint8Array(count),
    region: new Uint16Array(count),
    regionKeys: [],
    period: new Uint32Array(count),
    periods: [],
    kind: new Uint8Array(count),
    qualifier: new Uint8Array(count),
    value: new Float64Array(count),
    factCount: new Uint32Array(count),
  };
  const regionAt = new Map<string, number>();
  const periodAt = new Map<string, number>();
  points.forEach((p, i) => {
    let r = regionAt.get(p.region);
    if (r === undefined) regionAt.set(p.region, (r = table.regionKeys.push(p.region) - 1));
    let q = periodAt.get(p.period);
    if (q === undefined) {
      periodAt.set(
        p.period,
        (q = table.periods.push({ label: p.period, start: p.periodStart, end: p.periodEnd }) - 1),
      );
    }
    table.indicator[i] = INDICATORS.indexOf(p.indicator);
    table.region[i] = r;
    table.period[i] = q;
    table.kind[i] = KINDS.indexOf(p.kind);
    table.qualifier[i] = QUALIFIERS.indexOf(p.qualifier);
    table.value[i] = p.value;
    table.factCount[i] = p.facts.length;
  });
  return table;
}

/** The typed arrays of a table, to hand to postMessage as transferables. */
export const tableBuffers = (t: PointTable): ArrayBuffer[] =>
  [t.indicator, t.region, t.period, t.kind, t.qualifier, t.value, t.factCount].map(
    (a) => a.buffer as ArrayBuffer,
  );

/** Point ids by indicator, built once per load, so a filter change touches one indicator only. */
export function indexByIndicator(table: PointTable): Map<Indicator, Uint32Array> {
  const counts = new Uint32Array(INDICATORS.length);
  for (let i = 0; i < table.count; i++) counts[table.indicator[i]!]!++;
  const out = new Map<Indicator, Uint32Array>();
  const fill = new Uint32Array(INDICATORS.length);
  const lists = INDICATORS.map((_, k) => new Uint32Array(counts[k]!));
  for (let i = 0; i < table.count; i++) {
    const k = table.indicator[i]!;
    lists[k]![fill[k]!++] = i;
  }
  INDICATORS.forEach((indicator, k) => {
    if (lists[k]!.length) out.set(indicator, lists[k]!);
  });
  return out;
}

export function pointAt(table: PointTable, id: number): Point {
  const period = table.periods[table.period[id]!]!;
  return {
    id,
    indicator: INDICATORS[table.indicator[id]!]!,
    region: table.regionKeys[table.region[id]!]!,
    period: period.label,
    periodStart: period.start,
    periodEnd: period.end,
    kind: KINDS[table.kind[id]!]!,
    value: table.value[id]!,
    qualifier: QUALIFIERS[table.qualifier[id]!]!,
    factCount: table.factCount[id]!,
  };
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
  /** Point id by indicator, region, period and kind. */
  private readonly ids = new Map<string, number>();
  private readonly best: FactRow[] = [];
  /** Every fact added, and the point each one went to: lists are built once, at the end. */
  private readonly facts: FactRow[] = [];
  private factPoint = new Int32Array(1024);

  add(fact: FactRow): void {
    const key = pointKey(fact);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.best.push(fact) - 1;
      this.ids.set(key, id);
    } else {
      this.best[id] = representative(this.best[id]!, fact);
    }
    const at = this.facts.push(fact) - 1;
    if (at >= this.factPoint.length) {
      const grown = new Int32Array(this.factPoint.length * 2);
      grown.set(this.factPoint);
      this.factPoint = grown;
    }
    this.factPoint[at] = id;
  }

  points(): AggregatedPoint[] {
    const lists = this.best.map((best) => ({
      facts: [best.index],
      sources: new Map<string, string>(),
    }));
    for (let i = 0; i < this.facts.length; i++) {
      const fact = this.facts[i]!;
      const list = lists[this.factPoint[i]!]!;
      if (fact !== this.best[this.factPoint[i]!]) list.facts.push(fact.index);
      // A few sources per point are enough for a source line; all facts stay listed.
      if (list.sources.size < 20 && !list.sources.has(fact.source)) {
        list.sources.set(fact.source, fact.published);
      }
    }
    return this.best.map((best, id) => ({
      indicator: best.indicator,
      region: best.region,
      period: best.period,
      periodStart: best.periodStart,
      periodEnd: best.periodEnd,
      kind: best.kind,
      value: best.value,
      qualifier: best.qualifier,
      subject: best.subject,
      facts: lists[id]!.facts,
      sources: [...lists[id]!.sources].map(([source, published]) => ({ source, published })),
    }));
  }
}

export function aggregate(facts: Iterable<FactRow>): AggregatedPoint[] {
  const aggregator = new PointAggregator();
  for (const fact of facts) aggregator.add(fact);
  return aggregator.points();
}
