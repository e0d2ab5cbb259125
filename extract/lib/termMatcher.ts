// A dictionary matcher: finds terms in a string, longest term first, left to right, without
// overlaps. Lookup is by the first UTF-16 unit, so a scan costs one Map probe per character and
// a few startsWith calls where a term can begin: linear in the text for a fixed dictionary.

export interface TermMatch<T> {
  start: number;
  end: number;
  term: string;
  value: T;
}

export class TermMatcher<T> {
  private readonly byFirst = new Map<number, { term: string; value: T }[]>();
  private maxLength = 0;
  /** 1 where a term can start: the scan's fast path. */
  private readonly starts = new Uint8Array(65536);

  /** Later entries for the same term replace earlier ones. Empty terms are ignored. */
  constructor(entries: Iterable<readonly [string, T]>) {
    const seen = new Map<string, T>();
    for (const [term, value] of entries) if (term.length > 0) seen.set(term, value);
    for (const [term, value] of seen) {
      const code = term.charCodeAt(0);
      let list = this.byFirst.get(code);
      if (!list) this.byFirst.set(code, (list = []));
      list.push({ term, value });
      this.starts[code] = 1;
    }
    for (const list of this.byFirst.values()) {
      list.sort((a, b) => b.term.length - a.term.length);
      this.maxLength = Math.max(this.maxLength, list[0]?.term.length ?? 0);
    }
  }

  /** The longest term starting exactly at `at`, if any. */
  matchAt(text: string, at: number, end = text.length): TermMatch<T> | undefined {
    const list = this.byFirst.get(text.charCodeAt(at));
    if (!list) return undefined;
    for (const entry of list) {
      const stop = at + entry.term.length;
      if (stop <= end && text.startsWith(entry.term, at)) {
        return { start: at, end: stop, term: entry.term, value: entry.value };
      }
    }
    return undefined;
  }

  /** All non-overlapping matches in text[from, to), longest first at each position. */
  scan(text: string, from = 0, to = text.length): TermMatch<T>[] {
    const out: TermMatch<T>[] = [];
    for (let i = Math.max(0, from); i < to;) {
      const m = this.starts[text.charCodeAt(i)] === 1 ? this.matchAt(text, i, to) : undefined;
      if (m) {
        out.push(m);
        i = m.end;
      } else i++;
    }
    return out;
  }

  /** The longest term that ends exactly at `end` (and starts at or after `from`). */
  matchEndingAt(text: string, end: number, from = 0): TermMatch<T> | undefined {
    let best: TermMatch<T> | undefined;
    for (let start = end - 1; start >= from && end - start <= this.maxLength; start--) {
      const list = this.byFirst.get(text.charCodeAt(start));
      if (!list) continue;
      for (const entry of list) {
        if (start + entry.term.length === end && text.startsWith(entry.term, start)) {
          best = { start, end, term: entry.term, value: entry.value };
        }
      }
    }
    return best;
  }
}
