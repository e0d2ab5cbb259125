// Facts → chart points. Several articles often report the same figure; the chart shows one point
// per indicator, region, period, kind and subject (a project's investment is not the district's),
// and keeps every fact behind it for the sources view. Reports of one figure that disagree beyond
// rounding are marked, never silently resolved.
// The worker aggregates; the page receives the points as a columnar table of typed arrays (moved,
// not copied) and turns into objects only the points of the indicator it shows.
import {
  INDICATORS,
  KINDS,
  QUALIFIERS,
  REVIEW_STATES,
  type FactRow,
  type Indicator,
  type Kind,
  type Qualifier,
  type ReviewState,
} from "./contract.ts";
import { FactStore } from "./factStore.ts";

export { reportBounds, roundingOf } from "./bounds.ts";

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
  /** What the figure is about beyond the region; empty for a region-wide figure. */
  subject: string;
  /** How many facts stand behind the point (one sentence may hold two: 突破500亿元, 503.23亿元). */
  factCount: number;
  /** How many articles report it: what "n 篇报道" counts. */
  sourceCount: number;
  /** The article of the point's representative fact (its document id). */
  source: string;
  /** Whether its reports give values that differ by more than rounding. */
  disagree: boolean;
  /** The review state of the fact drawn ("" unchecked). */
  review: ReviewState;
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
  /** What the figure is about; empty for a region-wide total. */
  subject: string;
  /** Whether the reports behind it disagree beyond rounding. */
  disagree: boolean;
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
  /** Distinct articles behind each point, and the representative fact's article (into `sources`). */
  sourceCount: Uint32Array;
  source: Uint32Array;
  sources: string[];
  /** Into `subjects`; the code of "" marks a region-wide figure. */
  subject: Uint32Array;
  subjects: string[];
  disagree: Uint8Array;
  /** Into REVIEW_STATES: the state of each point's representative fact. */
  review: Uint8Array;
}

/** The typed arrays of a table, to hand to postMessage as transferables. */
export const tableBuffers = (t: PointTable): ArrayBuffer[] =>
  [
    t.indicator,
    t.region,
    t.period,
    t.kind,
    t.qualifier,
    t.value,
    t.factCount,
    t.sourceCount,
    t.source,
    t.subject,
    t.disagree,
    t.review,
  ].map((a) => a.buffer as ArrayBuffer);

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
    subject: table.subjects[table.subject[id]!] ?? "",
    factCount: table.factCount[id]!,
    sourceCount: table.sourceCount[id]!,
    source: table.sources[table.source[id]!] ?? "",
    disagree: table.disagree[id] === 1,
    review: REVIEW_STATES[table.review[id]!] ?? "",
  };
}

const EXACT = QUALIFIERS.indexOf("exact");
const CHECKED: ReadonlySet<number> = new Set(
  (["confirmed", "corrected", "added"] as const).map((s) => REVIEW_STATES.indexOf(s)),
);

/**
 * Whether fact `a` of the store stands for its point rather than fact `b`: an exact figure over
 * a hedged one (超, 约), then the newest article, then the first row. So the point drawn is the
 * newest exact report.
 */
function represents(store: FactStore, a: number, b: number): boolean {
  // A figure a person confirmed, corrected or added stands for its point over unchecked reports.
  const ca = CHECKED.has(store.review[a]!);
  if (ca !== CHECKED.has(store.review[b]!)) return ca;
  const ea = store.qualifier[a] === EXACT;
  if (ea !== (store.qualifier[b] === EXACT)) return ea;
  const pa = store.dates.values[store.published[a]!]!;
  const pb = store.dates.values[store.published[b]!]!;
  if (pa !== pb) return pa > pb;
  return a <= b;
}

/** Facts by point: those of point p are `facts[start[p]]` up to `facts[start[p + 1]]`. */
export interface FactsByPoint {
  start: Uint32Array;
  facts: Uint32Array;
}

/** A map from three small non-negative integers to a number, as typed arrays. */
class PointKeys {
  private keys = new Int32Array(3 * 4096);
  private values = new Int32Array(4096).fill(-1);
  private size = 0;

  /** The number kept for (a, b, c); if there is none, `fresh` is kept and returned. */
  find(a: number, b: number, c: number, fresh: number): number {
    let mask = this.values.length - 1;
    let s = mix(a, b, c) & mask;
    for (;;) {
      const v = this.values[s]!;
      if (v < 0) break;
      const k = 3 * s;
      if (this.keys[k] === a && this.keys[k + 1] === b && this.keys[k + 2] === c) return v;
      s = (s + 1) & mask;
    }
    if (2 * (this.size + 1) > this.values.length) {
      this.grow();
      mask = this.values.length - 1;
      s = mix(a, b, c) & mask;
      while (this.values[s]! >= 0) s = (s + 1) & mask;
    }
    this.keys[3 * s] = a;
    this.keys[3 * s + 1] = b;
    this.keys[3 * s + 2] = c;
    this.values[s] = fresh;
    this.size++;
    return fresh;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Int32Array(values.length * 2).fill(-1);
    const mask = this.values.length - 1;
    for (let t = 0; t < values.length; t++) {
      if (values[t]! < 0) continue;
      const a = keys[3 * t]!;
      const b = keys[3 * t + 1]!;
      const c = keys[3 * t + 2]!;
      let s = mix(a, b, c) & mask;
      while (this.values[s]! >= 0) s = (s + 1) & mask;
      this.keys[3 * s] = a;
      this.keys[3 * s + 1] = b;
      this.keys[3 * s + 2] = c;
      this.values[s] = values[t]!;
    }
  }
}

function mix(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ b ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ c ^ (h >>> 16), 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * Facts grouped into points as they come (by indicator, region, period, kind and subject, each
 * point with its representative fact), so a large file is grouped piece by piece while it still
 * loads.
 */
export class PointIndex {
  /**
   * Point id by period code, subject code and a number made of the region, kind and indicator
   * codes, in one open-addressing table of typed arrays: a million look-ups through nested Maps
   * cost the joining worker most of a second.
   */
  private readonly ids = new PointKeys();
  /** The representative fact (a position in the store) of each point. */
  private readonly best: number[] = [];
  /** The narrowest bounds all reports of each point allow (see reportBounds). */
  private readonly low: number[] = [];
  private readonly high: number[] = [];
  private pointOf = new Uint32Array(1024);
  private grouped = 0;

  get count(): number {
    return this.best.length;
  }

  /** The point a fact belongs to. */
  pointOfFact(fact: number): number {
    return fact >= 0 && fact < this.grouped ? this.pointOf[fact]! : -1;
  }

  /** Whether the reports of a point disagree beyond rounding. */
  disagrees(point: number): boolean {
    const low = this.low[point]!;
    const high = this.high[point]!;
    // Touching intervals (2300 and 2400 meet at 2350) disagree, float noise included.
    const noise = 1e-9 * Math.max(1, Math.abs(Number.isFinite(low) ? low : high));
    return !(low < high - noise);
  }

  /** Groups the facts the store received since the last call. */
  addFrom(store: FactStore): void {
    if (store.count > this.pointOf.length) {
      const grown = new Uint32Array(Math.max(store.count, this.pointOf.length * 2));
      grown.set(this.pointOf);
      this.pointOf = grown;
    }
    for (let i = this.grouped; i < store.count; i++) {
      // Region codes number the regions of the region table, so the key stays a small integer.
      const key =
        (store.region[i]! * KINDS.length + store.kind[i]!) * INDICATORS.length +
        store.indicator[i]!;
      // Each fact's bounds were worked out where it was checked (a piece worker, in parallel).
      const low = store.low[i]!;
      const high = store.high[i]!;
      const id = this.ids.find(store.period[i]!, store.subject[i]!, key, this.best.length);
      if (id === this.best.length) {
        this.best.push(i);
        this.low.push(low);
        this.high.push(high);
      } else {
        if (represents(store, i, this.best[id]!)) this.best[id] = i;
        if (low > this.low[id]!) this.low[id] = low;
        if (high < this.high[id]!) this.high[id] = high;
      }
      this.pointOf[i] = id;
    }
    this.grouped = store.count;
  }

  /** Every point's facts, its representative first, then in file order. */
  factsByPoint(): FactsByPoint {
    // Kept until more facts are grouped: the table and the look-ups of a point's facts share it.
    if (this.byPoint?.facts.length === this.grouped) return this.byPoint;
    this.byPoint = this.listFactsByPoint();
    return this.byPoint;
  }
  private byPoint: FactsByPoint | null = null;

  private listFactsByPoint(): FactsByPoint {
    const points = this.best.length;
    const start = new Uint32Array(points + 1);
    for (let i = 0; i < this.grouped; i++) start[this.pointOf[i]! + 1]!++;
    for (let p = 0; p < points; p++) start[p + 1]! += start[p]!;
    const facts = new Uint32Array(this.grouped);
    const fill = start.slice(0, points);
    for (let p = 0; p < points; p++) facts[fill[p]!++] = this.best[p]!;
    for (let i = 0; i < this.grouped; i++) {
      const p = this.pointOf[i]!;
      if (i !== this.best[p]) facts[fill[p]!++] = i;
    }
    return { start, facts };
  }

  /** The points as the page gets them. */
  table(store: FactStore): PointTable {
    const count = this.best.length;
    const table: PointTable = {
      count,
      indicator: new Uint8Array(count),
      region: new Uint16Array(count),
      regionKeys: store.regions.values,
      period: new Uint32Array(count),
      periods: store.periods.values.map((label, k) => ({
        label,
        start: store.periodStart[k]!,
        end: store.periodEnd[k]!,
      })),
      kind: new Uint8Array(count),
      qualifier: new Uint8Array(count),
      value: new Float64Array(count),
      factCount: new Uint32Array(count),
      sourceCount: new Uint32Array(count),
      source: new Uint32Array(count),
      sources: store.sources.values,
      subject: new Uint32Array(count),
      subjects: store.subjects.values,
      disagree: new Uint8Array(count),
      review: new Uint8Array(count),
    };
    // Facts and distinct articles per point, walking each point's facts: an article is counted
    // when its stamp is not yet this point's (no set of (point, article) pairs, which for a
    // million facts cost the worker a few hundred milliseconds).
    const { start, facts } = this.factsByPoint();
    const stamp = new Int32Array(Math.max(1, store.sources.values.length)).fill(-1);
    for (let p = 0; p < count; p++) {
      const from = start[p]!;
      const to = start[p + 1]!;
      table.factCount[p] = to - from;
      let articles = 0;
      for (let k = from; k < to; k++) {
        const source = store.source[facts[k]!]!;
        if (stamp[source] !== p) {
          stamp[source] = p;
          articles++;
        }
      }
      table.sourceCount[p] = articles;
    }
    this.best.forEach((b, p) => {
      table.indicator[p] = store.indicator[b]!;
      table.region[p] = store.region[b]!;
      table.period[p] = store.period[b]!;
      table.kind[p] = store.kind[b]!;
      table.qualifier[p] = store.qualifier[b]!;
      table.value[p] = store.value[b]!;
      table.subject[p] = store.subject[b]!;
      table.source[p] = store.source[b]!;
      table.disagree[p] = this.disagrees(p) ? 1 : 0;
      table.review[p] = store.review[b]!;
    });
    return table;
  }
}

/** The distinct sources of some facts (at most `limit`), with their publication dates. */
export function sourcesOf(
  store: FactStore,
  facts: Iterable<number>,
  limit = 20,
): { source: string; published: string }[] {
  const seen = new Map<number, number>();
  for (const i of facts) {
    if (seen.size >= limit) break;
    if (!seen.has(store.source[i]!)) seen.set(store.source[i]!, store.published[i]!);
  }
  return [...seen].map(([source, published]) => ({
    source: store.sources.values[source]!,
    published: store.dates.values[published]!,
  }));
}

/** The points of the facts in a store; `facts` lists positions in the store. */
export function aggregateStore(store: FactStore): AggregatedPoint[] {
  const index = new PointIndex();
  index.addFrom(store);
  const { start, facts } = index.factsByPoint();
  const table = index.table(store);
  return Array.from({ length: index.count }, (_, p) => {
    const mine = [...facts.subarray(start[p]!, start[p + 1]!)];
    const b = mine[0]!;
    const period = store.period[b]!;
    return {
      indicator: INDICATORS[table.indicator[p]!]!,
      region: store.regions.values[store.region[b]!]!,
      period: store.periods.values[period]!,
      periodStart: store.periodStart[period]!,
      periodEnd: store.periodEnd[period]!,
      kind: KINDS[store.kind[b]!]!,
      value: store.value[b]!,
      qualifier: QUALIFIERS[store.qualifier[b]!]!,
      subject: store.subjects.values[store.subject[b]!]!,
      disagree: table.disagree[p] === 1,
      facts: mine,
      sources: sourcesOf(store, mine),
    };
  });
}

/** The points of a list of facts; `facts` lists their `index`. */
export function aggregate(facts: readonly FactRow[]): AggregatedPoint[] {
  const store = new FactStore();
  for (const fact of facts) store.add(fact);
  return aggregateStore(store).map((p) => ({ ...p, facts: p.facts.map((i) => facts[i]!.index) }));
}
