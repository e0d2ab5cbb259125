// Validated facts kept as columns: typed arrays for the coded fields and shared strings for the
// repeated ones. A million FactRow objects cost the worker hundreds of megabytes and long garbage
// collections; as columns they are a few dozen arrays, and a FactRow is made only for the rows a
// table page, a source list or a download asks for.
import { INDICATORS, INDICATOR_UNIT, KINDS, QUALIFIERS, type FactRow } from "./contract.ts";

/** Strings numbered in the order first seen, so a column stores the number. */
export class StringPool {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  /** The last string asked for: rows sorted by source repeat it many times in a row. */
  private lastValue = "";
  private lastId = -1;
  id(value: string): number {
    if (this.lastId >= 0 && value === this.lastValue) return this.lastId;
    let id = this.ids.get(value);
    if (id === undefined) this.ids.set(value, (id = this.values.push(value) - 1));
    this.lastValue = value;
    this.lastId = id;
    return id;
  }
  /** The number of a string already pooled, or -1. */
  find(value: string): number {
    return this.ids.get(value) ?? -1;
  }
}

const INDICATOR_CODE = new Map(INDICATORS.map((v, i) => [v as string, i]));
const KIND_CODE = new Map(KINDS.map((v, i) => [v as string, i]));
const QUALIFIER_CODE = new Map(QUALIFIERS.map((v, i) => [v as string, i]));

function grow<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(
  a: T,
  size: number,
): T {
  const grown = new (a.constructor as new (n: number) => T)(size);
  grown.set(a);
  return grown;
}

export class FactStore {
  count = 0;
  indicator = new Uint8Array(1024);
  kind = new Uint8Array(1024);
  qualifier = new Uint8Array(1024);
  /** Into `regions.values`. */
  region = new Uint32Array(1024);
  /** Into `periods.values`; a period's day range is at the same place in periodStart/periodEnd. */
  period = new Uint32Array(1024);
  periodStart: number[] = [];
  periodEnd: number[] = [];
  value = new Float64Array(1024);
  line = new Uint32Array(1024);
  /** Text offsets; NaN where the row has none. */
  start = new Float64Array(1024);
  end = new Float64Array(1024);
  /** Into `subjects.values`, `sources.values` and `dates.values`. */
  subject = new Uint32Array(1024);
  source = new Uint32Array(1024);
  published = new Uint32Array(1024);
  readonly regions = new StringPool();
  readonly periods = new StringPool();
  readonly subjects = new StringPool();
  readonly sources = new StringPool();
  readonly dates = new StringPool();
  id: string[] = [];
  text: string[] = [];
  quote: string[] = [];

  private ensureRoom(): void {
    if (this.count < this.indicator.length) return;
    const size = this.indicator.length * 2;
    this.indicator = grow(this.indicator, size);
    this.kind = grow(this.kind, size);
    this.qualifier = grow(this.qualifier, size);
    this.region = grow(this.region, size);
    this.period = grow(this.period, size);
    this.value = grow(this.value, size);
    this.line = grow(this.line, size);
    this.start = grow(this.start, size);
    this.end = grow(this.end, size);
    this.subject = grow(this.subject, size);
    this.source = grow(this.source, size);
    this.published = grow(this.published, size);
  }

  /** Appends a fact; its position in the store is the returned number (its `index` is not kept). */
  add(fact: FactRow): number {
    this.ensureRoom();
    const i = this.count++;
    this.indicator[i] = INDICATOR_CODE.get(fact.indicator)!;
    this.kind[i] = KIND_CODE.get(fact.kind)!;
    this.qualifier[i] = QUALIFIER_CODE.get(fact.qualifier)!;
    this.region[i] = this.regions.id(fact.region);
    const period = this.periods.id(fact.period);
    if (period === this.periodStart.length) {
      this.periodStart.push(fact.periodStart);
      this.periodEnd.push(fact.periodEnd);
    }
    this.period[i] = period;
    this.value[i] = fact.value;
    this.line[i] = fact.line;
    this.start[i] = fact.start ?? NaN;
    this.end[i] = fact.end ?? NaN;
    this.subject[i] = this.subjects.id(fact.subject);
    this.source[i] = this.sources.id(fact.source);
    this.published[i] = this.dates.id(fact.published);
    this.id.push(fact.id);
    this.text.push(fact.text);
    // Facts of one sentence follow each other and share its quote: keep one copy.
    const previous = this.quote[i - 1];
    this.quote.push(previous === fact.quote ? previous : fact.quote);
    return i;
  }

  row(i: number): FactRow {
    const indicator = INDICATORS[this.indicator[i]!]!;
    const period = this.period[i]!;
    const start = this.start[i]!;
    const end = this.end[i]!;
    return {
      index: i,
      line: this.line[i]!,
      id: this.id[i]!,
      indicator,
      region: this.regions.values[this.region[i]!]!,
      period: this.periods.values[period]!,
      periodStart: this.periodStart[period]!,
      periodEnd: this.periodEnd[period]!,
      value: this.value[i]!,
      unit: INDICATOR_UNIT[indicator],
      qualifier: QUALIFIERS[this.qualifier[i]!]!,
      kind: KINDS[this.kind[i]!]!,
      subject: this.subjects.values[this.subject[i]!]!,
      source: this.sources.values[this.source[i]!]!,
      published: this.dates.values[this.published[i]!]!,
      text: this.text[i]!,
      quote: this.quote[i]!,
      start: Number.isNaN(start) ? null : start,
      end: Number.isNaN(end) ? null : end,
    };
  }
}
