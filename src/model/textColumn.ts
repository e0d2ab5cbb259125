// A column of strings that are mostly different (ids, figures as written, sentences), kept as a
// few long strings with the end of each value. A million short strings cost the garbage collector
// a million objects to trace, and a worker a million strings to copy into a message; joined, they
// are one string per piece of the file, copied in one go.

/** Values joined into one string, and where each value ends in it. */
export interface JoinedText {
  text: string;
  ends: Uint32Array;
}

export function joinTexts(values: readonly string[]): JoinedText {
  const ends = new Uint32Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) ends[i] = at += values[i]!.length;
  return { text: values.join(""), ends };
}

export class TextColumn {
  private readonly chunks: JoinedText[] = [];
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

  /** Appends values already joined, after all values so far. */
  appendJoined(values: JoinedText): void {
    this.seal();
    this.chunks.push(values);
    this.firsts.push(this.joinedCount);
    this.joinedCount += values.ends.length;
  }

  /** Every value, joined into one. */
  joined(): JoinedText {
    this.seal();
    if (this.chunks.length === 1) return this.chunks[0]!;
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
    const { text, ends } = this.chunks[lo]!;
    const k = i - this.firsts[lo]!;
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
