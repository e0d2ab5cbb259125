// Rows of an RFC 4180 CSV split on its UTF-8 bytes, without decoding them: the separators
// (comma, quote, line breaks) are ASCII, and a byte below 0x80 is never part of another
// character, so a field is a byte range and only the fields a caller needs become strings. This
// splitter takes the regular rows only (a quote opens a field and closes it before a comma or the
// row's end, "" inside is one quote); any other use of quotes is left to PapaParse, which has
// always read this project's files, so an irregular row gives the cells it always gave.
import { oneLinePerRow, parseRun, type Newline } from "./csvRows.ts";
import { ESCAPED, PLAIN, QUOTED } from "./csvField.ts";

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Returned by `split` for a row the splitter does not take (see `irregularRows`). */
export const IRREGULAR = -1;

const NEWLINE_CODE: Record<Newline, number> = { "\n": 0, "\r\n": 1, "\r": 2 };

/** Any byte at or below this one may be a separator; most bytes of a file are above it. */
const SEPARATOR_MAX = COMMA;

// Elsewhere than at the file's start, U+FEFF is a character of a field.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Splits one row at a time into reused arrays: field f is bytes `start[f]` to `end[f]` (quotes
 * excluded), read as `kind[f]`.
 */
export class RowSplitter {
  start = new Int32Array(32);
  end = new Int32Array(32);
  kind = new Uint8Array(32);
  /** Fields in the last row split. */
  count = 0;
  /** Line breaks inside the last row's fields: the row spans one file line more per break. */
  breaks = 0;
  private readonly newline: number;

  constructor(newline: Newline) {
    this.newline = NEWLINE_CODE[newline];
  }

  private grow(): void {
    const size = this.start.length * 2;
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    const kind = new Uint8Array(size);
    start.set(this.start);
    end.set(this.end);
    kind.set(this.kind);
    this.start = start;
    this.end = end;
    this.kind = kind;
  }

  /**
   * Splits the row starting at `at` (bytes up to `n` are whole rows): the index after it (its
   * line break included), or IRREGULAR for a row with quotes used otherwise than RFC 4180 says.
   */
  split(bytes: Uint8Array, at: number, n: number): number {
    const newline = this.newline;
    let p = at;
    let f = 0;
    let breaks = 0;
    for (;;) {
      if (f === this.start.length) this.grow();
      if (p < n && bytes[p] === QUOTE) {
        let escaped = false;
        let q = p + 1;
        let close: number;
        for (;;) {
          close = bytes.indexOf(QUOTE, q);
          if (close < 0 || close >= n) return IRREGULAR;
          if (close + 1 < n && bytes[close + 1] === QUOTE) {
            escaped = true;
            q = close + 2;
            continue;
          }
          break;
        }
        for (let k = p + 1; k < close; k++) {
          const c = bytes[k]!;
          if (c > CR) continue;
          if (c === LF || (c === CR && bytes[k + 1] !== LF)) breaks++;
        }
        this.start[f] = p + 1;
        this.end[f] = close;
        this.kind[f] = escaped ? ESCAPED : QUOTED;
        f++;
        p = close + 1;
        if (p >= n) return this.done(f, breaks, n);
        const c = bytes[p]!;
        if (c === COMMA) {
          p++;
          continue;
        }
        if (newline === 0 && c === LF) return this.done(f, breaks, p + 1);
        if (newline === 1 && c === CR && bytes[p + 1] === LF) return this.done(f, breaks, p + 2);
        if (newline === 2 && c === CR) return this.done(f, breaks, p + 1);
        return IRREGULAR;
      }
      let j = p;
      for (; ; j++) {
        // Most bytes of a field are above every separator: skipped by the tightest loop.
        while (j < n && bytes[j]! > SEPARATOR_MAX) j++;
        if (j >= n) break;
        const c = bytes[j]!;
        if (c === COMMA) break;
        if (c === QUOTE) return IRREGULAR;
        if (c === LF) {
          if (newline === 0) break;
          breaks++; // in a CR or CR LF file, a lone LF is a line break inside the field
        } else if (c === CR) {
          if (newline === 2) break;
          if (newline === 1 && bytes[j + 1] === LF) break;
          breaks++;
        }
      }
      this.start[f] = p;
      this.end[f] = j;
      this.kind[f] = PLAIN;
      f++;
      if (j >= n) return this.done(f, breaks, n);
      const c = bytes[j]!;
      if (c === COMMA) {
        p = j + 1;
        continue;
      }
      return this.done(f, breaks, j + (newline === 1 ? 2 : 1));
    }
  }

  private done(count: number, breaks: number, end: number): number {
    this.count = count;
    this.breaks = breaks;
    return end;
  }

  /** Whether the last row split is a blank line (one empty field, quoted or not). */
  get blank(): boolean {
    return this.count === 1 && this.start[0] === this.end[0];
  }
}

/** The index of the line break `newline` at or after `from`, or -1. */
function newlineAt(bytes: Uint8Array, from: number, n: number, newline: Newline): number {
  if (newline === "\n") {
    const i = bytes.indexOf(LF, from);
    return i < n ? i : -1;
  }
  for (let i = bytes.indexOf(CR, from); i >= 0 && i < n; i = bytes.indexOf(CR, i + 1)) {
    if (newline === "\r" || bytes[i + 1] === LF) return i;
  }
  return -1;
}

/**
 * Where the run of rows that starts at `rowStart` and holds its first quote at `quote` ends: the
 * first line break after a quote that closes, with no quote opening before it (as csvRows does
 * on text, so an irregular row is parsed in the same run of text as before).
 */
export function quotedRunEnd(
  bytes: Uint8Array,
  quote: number,
  n: number,
  newline: Newline,
): number {
  const width = newline.length;
  let at = quote;
  for (;;) {
    const close = bytes.indexOf(QUOTE, at + 1);
    if (close < 0 || close >= n) return n;
    const found = bytes.indexOf(QUOTE, close + 1);
    const next = found >= n ? -1 : found;
    const lineEnd = newlineAt(bytes, close + 1, n, newline);
    if (lineEnd < 0) return n;
    if (next < 0 || next > lineEnd) return lineEnd + width;
    at = next;
  }
}

/**
 * The rows PapaParse makes of the irregular row at `rowStart` and any it runs into, the index
 * after them, and whether each of them is one file line (else linesSpanned counts them).
 */
export function irregularRows(
  bytes: Uint8Array,
  rowStart: number,
  n: number,
  newline: Newline,
): { rows: string[][]; end: number; oneLineEach: boolean } {
  // An irregular row always holds a quote, before any line break that would have ended it.
  const quote = bytes.indexOf(QUOTE, rowStart);
  const end = quotedRunEnd(bytes, quote, n, newline);
  const text = decoder.decode(bytes.subarray(rowStart, end));
  const rows = parseRun(text, newline);
  // As FactLoader counts lines: a field that swallowed the run's line break is no extra line.
  return { rows, end, oneLineEach: oneLinePerRow(text, newline, rows.length) };
}

/**
 * Values worked out from a field's bytes, kept by those bytes: a large file repeats a few
 * thousand indicator, region, period, unit, subject and date fields a million times, and a
 * repeated field is then looked up without being decoded. Open addressing on an FNV-1a hash;
 * once `limit` values are kept, new ones are worked out every time.
 */
export class ByteCache {
  private slots = new Int32Array(1024).fill(-1);
  private keys = new Uint8Array(16384);
  private keyUsed = 0;
  private keyStart: number[] = [];
  private keyEnd: number[] = [];
  private values: number[] = [];

  constructor(private readonly limit = 65536) {}

  /** The bytes and value of the last look-up: rows of one article repeat its source, date,
   * period and region, and a repeat is found by comparing bytes, without hashing. */
  private lastBytes: Uint8Array | null = null;
  private lastStart = 0;
  private lastEnd = 0;
  private lastKind = -1;
  private lastValue = 0;

  /** The value kept for these bytes (read as `kind`), or undefined. */
  get(bytes: Uint8Array, start: number, end: number, kind: number): number | undefined {
    if (kind === this.lastKind && end - start === this.lastEnd - this.lastStart) {
      const last = this.lastBytes!;
      let same = true;
      for (let i = start, k = this.lastStart; i < end; i++, k++) {
        if (bytes[i] !== last[k]) {
          same = false;
          break;
        }
      }
      if (same) {
        this.remember(bytes, start, end);
        return this.lastValue;
      }
    }
    const mask = this.slots.length - 1;
    for (let s = hash(bytes, start, end, kind) & mask; ; s = (s + 1) & mask) {
      const entry = this.slots[s]!;
      if (entry < 0) return undefined;
      if (this.matches(entry, bytes, start, end, kind)) {
        this.remember(bytes, start, end);
        this.lastKind = kind;
        return (this.lastValue = this.values[entry]!);
      }
    }
  }

  private remember(bytes: Uint8Array, start: number, end: number): void {
    this.lastBytes = bytes;
    this.lastStart = start;
    this.lastEnd = end;
  }

  set(bytes: Uint8Array, start: number, end: number, kind: number, value: number): void {
    if (this.values.length >= this.limit) return;
    const length = end - start + 1;
    if (this.keyUsed + length > this.keys.length) {
      const keys = new Uint8Array(Math.max(this.keys.length * 2, this.keyUsed + length));
      keys.set(this.keys);
      this.keys = keys;
    }
    this.keys[this.keyUsed] = kind;
    this.keys.set(bytes.subarray(start, end), this.keyUsed + 1);
    const entry = this.values.push(value) - 1;
    this.keyStart.push(this.keyUsed);
    this.keyEnd.push((this.keyUsed += length));
    if (this.values.length * 2 > this.slots.length) this.rehash();
    else this.place(entry, hash(bytes, start, end, kind));
  }

  private matches(entry: number, bytes: Uint8Array, start: number, end: number, kind: number) {
    const from = this.keyStart[entry]!;
    if (this.keyEnd[entry]! - from !== end - start + 1 || this.keys[from] !== kind) return false;
    for (let i = start, k = from + 1; i < end; i++, k++)
      if (bytes[i] !== this.keys[k]) return false;
    return true;
  }

  private place(entry: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s]! >= 0) s = (s + 1) & mask;
    this.slots[s] = entry;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let entry = 0; entry < this.values.length; entry++) {
      const from = this.keyStart[entry]!;
      this.place(entry, hash(this.keys, from + 1, this.keyEnd[entry]!, this.keys[from]!));
    }
  }
}

/**
 * FNV-1a of a field's kind, length and bytes; of a long field, only its first and last 16 bytes
 * (names, dates and article ids of one column that differ, differ there; any that collide are
 * told apart by comparing their bytes).
 */
function hash(bytes: Uint8Array, start: number, end: number, kind: number): number {
  let h = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
  h = Math.imul(h ^ (end - start), 0x01000193);
  const head = end - start > 32 ? start + 16 : end;
  for (let i = start; i < head; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  for (let i = Math.max(head, end - 16); i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}
