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
import { FactStore } from "./factStore.ts";

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

const EXACT = QUALIFIERS.indexOf("exact");

/**
 * Whether fact `a` of the store stands for its point rather than fact `b`: an exact figure over
 * a hedged one (超, 约), then a region-wide total over a figure about one subject, then the newest
 * article, then the first row.
 */
function represents(store: FactStore, a: number, b: number, noSubject: number): boolean {
  const ea = store.qualifier[a] === EXACT;
  if (ea !== (store.qualifier[b] === EXACT)) return ea;
  const ta = store.subject[a] === noSubject;
  if (ta !== (store.subject[b] === noSubject)) return ta;
  const pa = store.dates.values[store.published[a]!]!;
  const pb = store.dates.values[store.published[b]!]!;
  if (pa !== pb) return pa > pb;
  return a <= b;
}

/** The points of the facts in a store; `facts` lists positions in the store. */
export function aggregateStore(store: FactStore): AggregatedPoint[] {
  // One number per indicator, region, period and kind: no key strings for a million rows.
  const regions = store.regions.values.length;
  const ids = new Map<number, number>();
  const best: number[] = [];
  const pointOf = new Uint32Array(store.count);
  const noSubject = store.subjects.find("");
  for (let i = 0; i < store.count; i++) {
    const key =
      ((store.period[i]! * regions + store.region[i]!) * KINDS.length + store.kind[i]!) *
        INDICATORS.length +
      store.indicator[i]!;
    let id = ids.get(key);
    if (id === undefined) {
      id = best.push(i) - 1;
      ids.set(key, id);
    } else if (represents(store, i, best[id]!, noSubject)) {
      best[id] = i;
    }
    pointOf[i] = id;
  }
  const lists = best.map((b) => ({ facts: [b], sources: new Map<number, number>() }));
  for (let i = 0; i < store.count; i++) {
    const list = lists[pointOf[i]!]!;
    if (i !== best[pointOf[i]!]) list.facts.push(i);
    // A few sources per point are enough for a source line; all facts stay listed.
    const source = store.source[i]!;
    if (list.sources.size < 20 && !list.sources.has(source)) {
      list.sources.set(source, store.published[i]!);
    }
  }
  return best.map((b, id) => {
    const period = store.period[b]!;
    return {
      indicator: INDICATORS[store.indicator[b]!]!,
      region: store.regions.values[store.region[b]!]!,
      period: store.periods.values[period]!,
      periodStart: store.periodStart[period]!,
      periodEnd: store.periodEnd[period]!,
      kind: KINDS[store.kind[b]!]!,
      value: store.value[b]!,
      qualifier: QUALIFIERS[store.qualifier[b]!]!,
      subject: store.subjects.values[store.subject[b]!]!,
      facts: lists[id]!.facts,
      sources: [...lists[id]!.sources].map(([source, published]) => ({
        source: store.sources.values[source]!,
        published: store.dates.values[published]!,
      })),
    };
  });
}

/** The points of a list of facts; `facts` lists their `index`. */
export function aggregate(facts: readonly FactRow[]): AggregatedPoint[] {
  const store = new FactStore();
  for (const fact of facts) store.add(fact);
  return aggregateStore(store).map((p) => ({ ...p, facts: p.facts.map((i) => facts[i]!.index) }));
}
