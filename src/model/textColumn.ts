// A column of strings that are mostly different (ids, figures as written, sentences), kept as a
// few long strings with the end of each value. A million short strings cost the garbage collector
// a million objects to trace, and a worker a million strings to copy into a message; joined, they
// are one string per piece of the file, copied in one go.

import { fieldText } from "./csvField.ts";
import { restoreFormula } from "./contract.ts";

/** Values joined into one string, and where each value ends in it. */
export interface JoinedText {
  text: string;
  ends: Uint32Array;
}

/** Value i is in `extra` as it is, not a CSV field to read. */
export const AS_IS = 3;

/**
 * Values left as the CSV fields they were read from, decoded only when asked for: value i is
 * `bytes` from `start[i]` to `end[i]`, read as `kind[i]` (a FieldKind of csvBytes), then trimmed
 * and its download's formula escape undone, as validateRow reads a free-text field; or, with kind
 * AS_IS, `extra`'s UTF-8 bytes there as they are. A million facts' texts then cost no string
 * until a table page or a source list shows them, and move between workers without a copy.
 */
export interface ByteText {
  bytes: Uint8Array;
  extra: Uint8Array;
  start: Uint32Array;
  end: Uint32Array;
  kind: Uint8Array;
}

export type TextChunk = JoinedText | ByteText;

const isBytes = (chunk: TextChunk): chunk is ByteText => "bytes" in chunk;
const chunkLength = (chunk: TextChunk) => (isBytes(chunk) ? chunk.start.length : chunk.ends.length);

const asIs = new TextDecoder("utf-8", { ignoreBOM: true });

/** Value k of a byte chunk. */
export function byteTextAt(chunk: ByteText, k: number): string {
  const kind = chunk.kind[k]!;
  const start = chunk.start[k]!;
  const end = chunk.end[k]!;
  if (kind === AS_IS) return start === end ? "" : asIs.decode(chunk.extra.subarray(start, end));
  return restoreFormula(fieldText(chunk.bytes, start, end, kind).trim());
}

export function joinTexts(values: readonly string[]): JoinedText {
  const ends = new Uint32Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) ends[i] = at += values[i]!.length;
  return { text: values.join(""), ends };
}

export class TextColumn {
  private readonly chunks: TextChunk[] = [];
  /** The index of each chunk's first value. */
  private readonly firsts: number[] = [];
  private joinedCount = 0;
  /** Values pushed one by one since the last chunk: the last few as they are, the ones before
   * joined a few hundred at a time (while they are fresh in the cache), with where each ends. */
  private pending: string[] = [];
  private parts: string[] = [];
  private partEnds: number[] = [];
  private partChars = 0;

  get length(): number {
    return this.joinedCount + this.partEnds.length + this.pending.length;
  }

  push(value: string): void {
    if (this.pending.push(value) === 512) this.joinPending();
  }

  private joinPending(): void {
    const values = this.pending;
    for (const value of values) this.partEnds.push((this.partChars += value.length));
    this.parts.push(values.join(""));
    this.pending = [];
  }

  /** Appends values already joined (or left as bytes), after all values so far. */
  appendJoined(values: TextChunk): void {
    this.seal();
    this.chunks.push(values);
    this.firsts.push(this.joinedCount);
    this.joinedCount += chunkLength(values);
  }

  /** Every value, joined into one. */
  joined(): JoinedText {
    this.seal();
    const only = this.chunks.length === 1 ? this.chunks[0]! : null;
    if (only && !isBytes(only)) return only;
    return joinTexts(Array.from({ length: this.length }, (_, i) => this.get(i)));
  }

  get(i: number): string {
    if (i >= this.joinedCount) this.seal();
    if (i >= this.joinedCount) return "";
    // The last chunk whose first value is at or before i.
    let lo = 0;
    let hi = this.firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.firsts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    const chunk = this.chunks[lo]!;
    const k = i - this.firsts[lo]!;
    if (isBytes(chunk)) return byteTextAt(chunk, k);
    const { text, ends } = chunk;
    return text.slice(k ? ends[k - 1]! : 0, ends[k]!);
  }

  private seal(): void {
    if (this.pending.length) this.joinPending();
    if (!this.parts.length) return;
    const joined = { text: this.parts.join(""), ends: Uint32Array.from(this.partEnds) };
    this.parts = [];
    this.partEnds = [];
    this.partChars = 0;
    this.appendJoined(joined);
  }
}
