// Validated facts kept as columns: typed arrays for the coded fields, pooled strings for the
// repeated ones and joined text (TextColumn) for the rest. A million FactRow objects cost the
// worker hundreds of megabytes and long garbage collections; as columns they are a few dozen
// arrays, and a FactRow is made only for the rows a table page, a source list or a download
// asks for.
import {
  INDICATORS,
  INDICATOR_UNIT,
  KINDS,
  QUALIFIERS,
  REVIEW_STATES,
  type FactRow,
} from "./contract.ts";
import { TextColumn, type TextChunk } from "./textColumn.ts";
import { reportBounds } from "./bounds.ts";

/** A fact as a store keeps it: codes into the store's pools and the contract's lists; NaN start
 * and end for a fact without offsets. */
export interface FactCodes {
  indicator: number;
  kind: number;
  qualifier: number;
  review: number;
  region: number;
  period: number;
  value: number;
  line: number;
  start: number;
  end: number;
  subject: number;
  source: number;
  published: number;
}

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

/**
 * A store's contents as plain data, to send from one worker to another: the typed arrays cut to
 * the row count (their buffers can be transferred) and the pools' strings.
 */
export interface StoreBlock {
  count: number;
  indicator: Uint8Array;
  kind: Uint8Array;
  qualifier: Uint8Array;
  review: Uint8Array;
  region: Uint32Array;
  period: Uint32Array;
  value: Float64Array;
  low: Float64Array;
  high: Float64Array;
  line: Uint32Array;
  start: Float64Array;
  end: Float64Array;
  subject: Uint32Array;
  source: Uint32Array;
  published: Uint32Array;
  regions: string[];
  periods: string[];
  periodStart: number[];
  periodEnd: number[];
  subjects: string[];
  sources: string[];
  dates: string[];
  id: TextChunk;
  text: TextChunk;
  quote: TextChunk;
}

const chunkArrays = (c: TextChunk) =>
  "bytes" in c ? [c.bytes, c.extra, c.start, c.end, c.kind] : [c.ends];

/** The buffers of a block, to hand to postMessage as transferables (each once: the texts of a
 * piece share the piece's bytes). */
export const blockBuffers = (b: StoreBlock): ArrayBuffer[] => [
  ...new Set(
    [
      b.indicator,
      b.kind,
      b.qualifier,
      b.review,
      b.region,
      b.period,
      b.value,
      b.low,
      b.high,
      b.line,
      b.start,
      b.end,
      b.subject,
      b.source,
      b.published,
      ...chunkArrays(b.id),
      ...chunkArrays(b.text),
      ...chunkArrays(b.quote),
    ].map((a) => a.buffer as ArrayBuffer),
  ),
];

/** Each code of a block's pool as the code of the same string in `pool`. */
const recode = (pool: StringPool, values: readonly string[]) =>
  Uint32Array.from(values, (v) => pool.id(v));

export class FactStore {
  count = 0;
  indicator = new Uint8Array(1024);
  kind = new Uint8Array(1024);
  qualifier = new Uint8Array(1024);
  /** Into REVIEW_STATES: what a person decided about the fact. */
  review = new Uint8Array(1024);
  /** Into `regions.values`. */
  region = new Uint32Array(1024);
  /** Into `periods.values`; a period's day range is at the same place in periodStart/periodEnd. */
  period = new Uint32Array(1024);
  periodStart: number[] = [];
  periodEnd: number[] = [];
  value = new Float64Array(1024);
  /** The values each report allows (reportBounds): computed as the fact is stored, which for a
   * large file happens in the piece workers side by side rather than in the one joining them. */
  low = new Float64Array(1024);
  high = new Float64Array(1024);
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
  readonly id = new TextColumn();
  readonly text = new TextColumn();
  readonly quote = new TextColumn();

  /** Makes room for `rows` rows in all (a piece worker sizes its store once, from its bytes). */
  reserve(rows: number): void {
    if (rows <= this.indicator.length) return;
    // Twice the room when rows come one by one; what was asked for when asked for more.
    const size = Math.max(rows, this.indicator.length * 2);
    this.indicator = grow(this.indicator, size);
    this.kind = grow(this.kind, size);
    this.qualifier = grow(this.qualifier, size);
    this.review = grow(this.review, size);
    this.region = grow(this.region, size);
    this.period = grow(this.period, size);
    this.value = grow(this.value, size);
    this.low = grow(this.low, size);
    this.high = grow(this.high, size);
    this.line = grow(this.line, size);
    this.start = grow(this.start, size);
    this.end = grow(this.end, size);
    this.subject = grow(this.subject, size);
    this.source = grow(this.source, size);
    this.published = grow(this.published, size);
  }

  /** The code of a period label, its day range kept beside it the first time. */
  periodCode(label: string, start: number, end: number): number {
    const period = this.periods.id(label);
    if (period === this.periodStart.length) {
      this.periodStart.push(start);
      this.periodEnd.push(end);
    }
    return period;
  }

  /**
   * Appends a fact given as codes, without its id, text and quote: whoever calls this keeps those
   * (see PieceLoader). Its position in the store is the returned number.
   */
  addCodes(c: FactCodes): number {
    this.reserve(this.count + 1);
    const i = this.count++;
    this.indicator[i] = c.indicator;
    this.kind[i] = c.kind;
    this.qualifier[i] = c.qualifier;
    this.review[i] = c.review;
    this.region[i] = c.region;
    this.period[i] = c.period;
    this.value[i] = c.value;
    const bounds = reportBounds(c.value, c.qualifier);
    this.low[i] = bounds.low;
    this.high[i] = bounds.high;
    this.line[i] = c.line;
    this.start[i] = c.start;
    this.end[i] = c.end;
    this.subject[i] = c.subject;
    this.source[i] = c.source;
    this.published[i] = c.published;
    return i;
  }

  /** A fact's fields as codes into this store's pools and the contract's lists. */
  codesOf(fact: FactRow): FactCodes {
    return {
      indicator: INDICATOR_CODE.get(fact.indicator)!,
      kind: KIND_CODE.get(fact.kind)!,
      qualifier: QUALIFIER_CODE.get(fact.qualifier)!,
      review: REVIEW_STATES.indexOf(fact.review),
      region: this.regions.id(fact.region),
      period: this.periodCode(fact.period, fact.periodStart, fact.periodEnd),
      value: fact.value,
      line: fact.line,
      start: fact.start ?? NaN,
      end: fact.end ?? NaN,
      subject: this.subjects.id(fact.subject),
      source: this.sources.id(fact.source),
      published: this.dates.id(fact.published),
    };
  }

  /** Appends a fact; its position in the store is the returned number (its `index` is not kept). */
  add(fact: FactRow): number {
    const i = this.addCodes(this.codesOf(fact));
    this.id.push(fact.id);
    this.text.push(fact.text);
    this.quote.push(fact.quote);
    return i;
  }

  block(): StoreBlock {
    const n = this.count;
    return {
      count: n,
      indicator: this.indicator.slice(0, n),
      kind: this.kind.slice(0, n),
      qualifier: this.qualifier.slice(0, n),
      review: this.review.slice(0, n),
      region: this.region.slice(0, n),
      period: this.period.slice(0, n),
      value: this.value.slice(0, n),
      low: this.low.slice(0, n),
      high: this.high.slice(0, n),
      line: this.line.slice(0, n),
      start: this.start.slice(0, n),
      end: this.end.slice(0, n),
      subject: this.subject.slice(0, n),
      source: this.source.slice(0, n),
      published: this.published.slice(0, n),
      regions: this.regions.values,
      periods: this.periods.values,
      periodStart: this.periodStart,
      periodEnd: this.periodEnd,
      subjects: this.subjects.values,
      sources: this.sources.values,
      dates: this.dates.values,
      id: this.id.joined(),
      text: this.text.joined(),
      quote: this.quote.joined(),
    };
  }

  /** Appends the facts of a block (made by another store), their lines moved by `lineOffset`. */
  append(b: StoreBlock, lineOffset: number): void {
    const region = recode(this.regions, b.regions);
    const subject = recode(this.subjects, b.subjects);
    const source = recode(this.sources, b.sources);
    const published = recode(this.dates, b.dates);
    const period = Uint32Array.from(b.periods, (label, k) => {
      const id = this.periods.id(label);
      if (id === this.periodStart.length) {
        this.periodStart.push(b.periodStart[k]!);
        this.periodEnd.push(b.periodEnd[k]!);
      }
      return id;
    });
    this.reserve(this.count + b.count);
    const at = this.count;
    this.indicator.set(b.indicator, at);
    this.kind.set(b.kind, at);
    this.qualifier.set(b.qualifier, at);
    this.review.set(b.review, at);
    this.value.set(b.value, at);
    this.low.set(b.low, at);
    this.high.set(b.high, at);
    this.start.set(b.start, at);
    this.end.set(b.end, at);
    for (let i = 0; i < b.count; i++) {
      this.region[at + i] = region[b.region[i]!]!;
      this.period[at + i] = period[b.period[i]!]!;
      this.line[at + i] = b.line[i]! + lineOffset;
      this.subject[at + i] = subject[b.subject[i]!]!;
      this.source[at + i] = source[b.source[i]!]!;
      this.published[at + i] = published[b.published[i]!]!;
    }
    this.id.appendJoined(b.id);
    this.text.appendJoined(b.text);
    this.quote.appendJoined(b.quote);
    this.count = at + b.count;
  }

  row(i: number): FactRow {
    const indicator = INDICATORS[this.indicator[i]!]!;
    const period = this.period[i]!;
    const start = this.start[i]!;
    const end = this.end[i]!;
    return {
      index: i,
      line: this.line[i]!,
      id: this.id.get(i),
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
      text: this.text.get(i),
      quote: this.quote.get(i),
      start: Number.isNaN(start) ? null : start,
      end: Number.isNaN(end) ? null : end,
      review: REVIEW_STATES[this.review[i]!] ?? "",
    };
  }
}
