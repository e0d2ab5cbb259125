// A piece of an indicators CSV (whole rows after the header, as UTF-8 bytes) into checked facts,
// working on the bytes: rows are split by csvBytes, each coded field (indicator, region, period,
// unit, qualifier, kind, published, review, subject, source) is decoded and checked once per
// distinct field and then found by its bytes, a value or offset made only of digits is read from
// its bytes, and the free texts (id, text, quote) stay bytes until someone reads them. Any row
// this fast path is not sure of (a broken field, a field it does not read itself, an irregular
// row) goes through validateRow, which names the problem exactly as it always has.
import {
  INDICATORS,
  INDICATOR_UNIT,
  KINDS,
  QUALIFIERS,
  REVIEW_STATES,
  isIndicator,
  isPublished,
  isReviewState,
  restoreFormula,
  validateRow,
  type Column,
  type FactRow,
  type RowProblem,
} from "./contract.ts";
import { ByteCache, IRREGULAR, RowSplitter, irregularRows } from "./csvBytes.ts";
import { PLAIN, fieldText } from "./csvField.ts";
import type { Newline } from "./csvRows.ts";
import { FactStore, type FactCodes, type StoreBlock } from "./factStore.ts";
import { linesSpanned } from "./lines.ts";
import { parsePeriod, type DayRange } from "./period.ts";
import { AS_IS, type ByteText } from "./textColumn.ts";

/** Not a code: the field is broken, or not one this loader reads by itself. */
const UNSURE = -1;

const UNITS = [...new Set(Object.values(INDICATOR_UNIT))];
const INDICATOR_UNIT_CODE = INDICATORS.map((i) => UNITS.indexOf(INDICATOR_UNIT[i]));

/** 10^k for k ≤ 22: exact doubles, so digits / 10^k is the correctly rounded number. */
const POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const DOT = 0x2e;
const MINUS = 0x2d;

/**
 * The number a field of digits (an optional minus, at most one point, at most 15 digits) spells,
 * as Number() would read it; NaN for any other field, which then goes the careful way. Fewer than
 * 2^53 as an integer over a power of ten up to 10^22 is one correctly rounded division.
 */
function plainNumber(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = i < end && bytes[i] === MINUS;
  if (negative) i++;
  if (i === end) return NaN;
  let digits = 0;
  let whole = 0;
  let point = -1;
  for (; i < end; i++) {
    const c = bytes[i]!;
    if (c === DOT && point < 0) {
      point = i;
      continue;
    }
    const d = c - DIGIT_0;
    if (d < 0 || d > 9) return NaN;
    whole = whole * 10 + d;
    digits++;
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = point < 0 ? whole : whole / POWERS[end - point - 1]!;
  return negative ? -value : value;
}

/**
 * Strings a column's fields were read as, numbered here as they are met, and given their number in
 * the store's pool only when a fact that is kept uses them: so the pools hold what the facts hold,
 * in the order the facts first use it, as when facts are added one by one.
 */
class Pooled {
  private readonly texts: string[] = [];
  private readonly ids: number[] = [];
  constructor(private readonly assign: (text: string, local: number) => number) {}
  /** A new local number for `text`. */
  local(text: string): number {
    this.ids.push(-1);
    return this.texts.push(text) - 1;
  }
  /** The pool's number of local number `local`. */
  id(local: number): number {
    let id = this.ids[local]!;
    if (id < 0) id = this.ids[local] = this.assign(this.texts[local]!, local);
    return id;
  }
}

/** An offset field of 1 to 15 digits as its number; NaN for any other (validateRow then reads it). */
function offset(bytes: Uint8Array, start: number, end: number): number {
  if (end === start || end - start > 15) return NaN;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c < DIGIT_0 || c > DIGIT_9) return NaN;
    n = n * 10 + (c - DIGIT_0);
  }
  return n;
}

/** A growing list of three texts per fact, as bytes of the piece or encoded strings. */
class TextBuilder {
  start: Uint32Array;
  end: Uint32Array;
  kind: Uint8Array;
  count = 0;

  constructor(size = 1024) {
    this.start = new Uint32Array(size);
    this.end = new Uint32Array(size);
    this.kind = new Uint8Array(size);
  }

  /** Makes room for `size` texts in all. */
  reserve(size: number): void {
    if (size <= this.start.length) return;
    const grown = [new Uint32Array(size), new Uint32Array(size), new Uint8Array(size)] as const;
    grown[0].set(this.start);
    grown[1].set(this.end);
    grown[2].set(this.kind);
    [this.start, this.end, this.kind] = grown;
  }

  push(start: number, end: number, kind: number): void {
    if (this.count === this.start.length) this.reserve(this.count * 2);
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.kind[this.count++] = kind;
  }

  chunk(bytes: Uint8Array, extra: Uint8Array): ByteText {
    const n = this.count;
    return {
      bytes,
      extra,
      start: this.start.slice(0, n),
      end: this.end.slice(0, n),
      kind: this.kind.slice(0, n),
    };
  }
}

export class PieceLoader {
  readonly store = new FactStore();
  /** The first problems (at most `problemLimit`) and how many there were in all. */
  readonly problems: RowProblem[] = [];
  problemCount = 0;
  rowCount = 0;
  /** The line the next row starts on; the piece's first row is line 1. */
  private line = 1;
  private readonly splitter: RowSplitter;
  private readonly periodCache = new Map<string, DayRange | null>();
  private readonly caches = {
    indicator: new ByteCache(),
    region: new ByteCache(),
    period: new ByteCache(),
    unit: new ByteCache(),
    qualifier: new ByteCache(),
    kind: new ByteCache(),
    published: new ByteCache(),
    review: new ByteCache(),
    subject: new ByteCache(),
    source: new ByteCache(),
  };
  private readonly periodRanges: DayRange[] = [];
  private readonly pooled = {
    region: new Pooled((t) => this.store.regions.id(t)),
    period: new Pooled((t, local) => {
      const range = this.periodRanges[local]!;
      return this.store.periodCode(t, range.start, range.end);
    }),
    published: new Pooled((t) => this.store.dates.id(t)),
    subject: new Pooled((t) => this.store.subjects.id(t)),
    source: new Pooled((t) => this.store.sources.id(t)),
  };
  private readonly ids = new TextBuilder();
  private readonly texts = new TextBuilder();
  private readonly quotes = new TextBuilder();
  /** Texts of facts that went the careful way, as UTF-8. */
  private extra = new Uint8Array(0);
  private extraUsed = 0;
  private readonly encoder = new TextEncoder();
  private bytes: Uint8Array = new Uint8Array(0);
  /** One object reused for every fact's codes. */
  private readonly codes: FactCodes = {
    indicator: 0,
    kind: 0,
    qualifier: 0,
    review: 0,
    region: 0,
    period: 0,
    value: 0,
    line: 0,
    start: NaN,
    end: NaN,
    subject: 0,
    source: 0,
    published: 0,
  };
  /** Field numbers of the columns, -1 for one the file lacks. */
  private readonly at: Record<Column, number>;

  constructor(
    private readonly regionKeys: ReadonlySet<string>,
    private readonly problemLimit: number,
    private readonly header: Record<Column, number>,
    private readonly newline: Newline,
  ) {
    this.splitter = new RowSplitter(newline);
    this.at = header;
  }

  /** How many file lines the rows read span. */
  get lines(): number {
    return this.line - 1;
  }

  /** Reads a piece of whole rows (a final line break is optional); a loader reads one piece. */
  feed(bytes: Uint8Array): void {
    // Its texts are kept as ranges of these bytes: a second piece would need a second buffer.
    if (this.bytes.length) throw new Error("a piece loader reads one piece");
    this.bytes = bytes;
    // Sized once for rows of a typical length (a row is rarely under 100 bytes), not doubled
    // from a thousand rows five times over.
    const rows = this.store.count + Math.ceil(bytes.length / 100) + 1;
    this.store.reserve(rows);
    for (const column of [this.ids, this.texts, this.quotes]) column.reserve(rows);
    const n = bytes.length;
    const split = this.splitter;
    let at = 0;
    while (at < n) {
      const end = split.split(bytes, at, n);
      if (end === IRREGULAR) {
        const run = irregularRows(bytes, at, n, this.newline);
        for (const row of run.rows) {
          const rowLine = this.line;
          this.line += run.oneLineEach ? 1 : linesSpanned(row);
          if (row.length === 1 && row[0] === "") continue;
          this.rowCount++;
          this.checkCells(row, rowLine);
        }
        at = run.end;
        continue;
      }
      const rowLine = this.line;
      this.line += 1 + split.breaks;
      at = end;
      if (split.blank) continue;
      this.rowCount++;
      if (!this.fast(bytes, rowLine)) this.checkCells(this.cells(bytes), rowLine);
    }
  }

  /** The split row's cells as strings (what PapaParse would have given). */
  private cells(bytes: Uint8Array): string[] {
    const { start, end, kind, count } = this.splitter;
    return Array.from({ length: count }, (_, f) => fieldText(bytes, start[f]!, end[f]!, kind[f]!));
  }

  /** A row the careful way: validateRow on its cells. */
  private checkCells(cells: string[], line: number): void {
    const checked = validateRow(
      cells,
      this.header,
      this.regionKeys,
      line,
      this.store.count,
      this.periodCache,
    );
    if ("fact" in checked) {
      this.addFact(checked.fact);
    } else {
      this.problemCount++;
      if (this.problems.length < this.problemLimit) this.problems.push(checked.problem);
    }
  }

  private addFact(fact: FactRow): void {
    this.store.addCodes(this.store.codesOf(fact));
    this.pushExtra(this.ids, fact.id);
    this.pushExtra(this.texts, fact.text);
    this.pushExtra(this.quotes, fact.quote);
  }

  private pushExtra(column: TextBuilder, value: string): void {
    const room = this.extraUsed + value.length * 3;
    if (room > this.extra.length) {
      const grown = new Uint8Array(Math.max(room, this.extra.length * 2, 4096));
      grown.set(this.extra.subarray(0, this.extraUsed));
      this.extra = grown;
    }
    const start = this.extraUsed;
    this.extraUsed += this.encoder.encodeInto(value, this.extra.subarray(start)).written;
    column.push(start, this.extraUsed, AS_IS);
  }

  /** Where field `column` of the split row starts, ends and how it reads (empty if missing). */
  private fieldStart(f: number): number {
    return f >= 0 && f < this.splitter.count ? this.splitter.start[f]! : 0;
  }
  private fieldEnd(f: number): number {
    return f >= 0 && f < this.splitter.count ? this.splitter.end[f]! : 0;
  }
  private fieldKind(f: number): number {
    return f >= 0 && f < this.splitter.count ? this.splitter.kind[f]! : PLAIN;
  }

  /**
   * The code of field `f` of the split row: worked out from its trimmed text by `work` the first
   * time these bytes are met (UNSURE when the field is broken), then found by its bytes.
   */
  private code(bytes: Uint8Array, f: number, cache: ByteCache, work: (text: string) => number) {
    const s = this.fieldStart(f);
    const e = this.fieldEnd(f);
    const k = this.fieldKind(f);
    const known = cache.get(bytes, s, e, k);
    if (known !== undefined) return known;
    const value = work(fieldText(bytes, s, e, k).trim());
    cache.set(bytes, s, e, k, value);
    return value;
  }

  private readonly workIndicator = (t: string) => (isIndicator(t) ? INDICATORS.indexOf(t) : UNSURE);
  private readonly workRegion = (t: string) =>
    this.regionKeys.has(t) ? this.pooled.region.local(t) : UNSURE;
  private readonly workPeriod = (t: string) => {
    const range = parsePeriod(t);
    if (!range) return UNSURE;
    const local = this.pooled.period.local(t);
    this.periodRanges[local] = range;
    return local;
  };
  private readonly workUnit = (t: string) => UNITS.indexOf(t as (typeof UNITS)[number]);
  private readonly workQualifier = (t: string) =>
    QUALIFIERS.indexOf((t || "exact") as (typeof QUALIFIERS)[number]);
  private readonly workKind = (t: string) =>
    KINDS.indexOf((t || "actual") as (typeof KINDS)[number]);
  private readonly workPublished = (t: string) =>
    isPublished(t) ? this.pooled.published.local(t) : UNSURE;
  private readonly workReview = (t: string) =>
    isReviewState(t) ? REVIEW_STATES.indexOf(t) : UNSURE;
  private readonly workSubject = (t: string) => this.pooled.subject.local(restoreFormula(t));
  private readonly workSource = (t: string) => this.pooled.source.local(restoreFormula(t));

  /** The split row as a fact, if every field reads the plain way and is good; else false. */
  private fast(bytes: Uint8Array, line: number): boolean {
    const at = this.at;
    const caches = this.caches;
    const indicator = this.code(bytes, at.indicator, caches.indicator, this.workIndicator);
    if (indicator < 0) return false;
    const unit = this.code(bytes, at.unit, caches.unit, this.workUnit);
    if (unit !== INDICATOR_UNIT_CODE[indicator]) return false;
    const region = this.code(bytes, at.region, caches.region, this.workRegion);
    if (region < 0) return false;
    const period = this.code(bytes, at.period, caches.period, this.workPeriod);
    if (period < 0) return false;
    const qualifier = this.code(bytes, at.qualifier, caches.qualifier, this.workQualifier);
    if (qualifier < 0) return false;
    const kind = this.code(bytes, at.kind, caches.kind, this.workKind);
    if (kind < 0) return false;
    const published = this.code(bytes, at.published, caches.published, this.workPublished);
    if (published < 0) return false;
    const review =
      at.review < 0
        ? REVIEW_STATES.indexOf("")
        : this.code(bytes, at.review, caches.review, this.workReview);
    if (review < 0) return false;

    if (this.fieldKind(at.value) !== PLAIN) return false;
    const value = plainNumber(bytes, this.fieldStart(at.value), this.fieldEnd(at.value));
    if (Number.isNaN(value)) return false;
    let start = NaN;
    let end = NaN;
    const ss = this.fieldStart(at.start);
    const se = this.fieldEnd(at.start);
    const es = this.fieldStart(at.end);
    const ee = this.fieldEnd(at.end);
    if (ss !== se || es !== ee) {
      if (this.fieldKind(at.start) !== PLAIN || this.fieldKind(at.end) !== PLAIN) return false;
      start = offset(bytes, ss, se);
      end = offset(bytes, es, ee);
      if (!(start <= end)) return false; // NaN too: left to validateRow
    }

    const c = this.codes;
    const pooled = this.pooled;
    c.indicator = indicator;
    c.region = pooled.region.id(region);
    c.period = pooled.period.id(period);
    c.qualifier = qualifier;
    c.kind = kind;
    c.review = review;
    c.value = value;
    c.start = start;
    c.end = end;
    c.line = line;
    c.subject = pooled.subject.id(this.code(bytes, at.subject, caches.subject, this.workSubject));
    c.source = pooled.source.id(this.code(bytes, at.source, caches.source, this.workSource));
    c.published = pooled.published.id(published);
    this.store.addCodes(c);
    this.pushField(this.ids, at.id);
    this.pushField(this.texts, at.text);
    this.pushField(this.quotes, at.quote);
    return true;
  }

  private pushField(column: TextBuilder, f: number): void {
    column.push(this.fieldStart(f), this.fieldEnd(f), this.fieldKind(f));
  }

  /** The piece's facts, their texts left as the piece's bytes. */
  block(): StoreBlock {
    const extra = this.extra.slice(0, this.extraUsed);
    return {
      ...this.store.block(),
      id: this.ids.chunk(this.bytes, extra),
      text: this.texts.chunk(this.bytes, extra),
      quote: this.quotes.chunk(this.bytes, extra),
    };
  }
}
