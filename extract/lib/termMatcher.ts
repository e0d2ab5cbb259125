// A dictionary matcher: finds terms in a string, longest term first, left to right, without
// overlaps. Terms are kept in a trie over UTF-16 units, so a scan costs one table look-up per
// character and a walk as long as the longest term that can begin there.

export interface TermMatch<T> {
  start: number;
  end: number;
  term: string;
  value: T;
}

/** A node of the trie: the term ending here, if any, and the nodes one UTF-16 unit further. */
interface TrieNode<T> {
  entry: { term: string; value: T } | undefined;
  next: Map<number, TrieNode<T>> | undefined;
}

export class TermMatcher<T> {
  // A trie, not a list per first character: a place table adds hundreds of names that share
  // their first characters with common words (新, 大, 东), and trying each of them with
  // startsWith at every such character made the scan the extractor's largest cost.
  private readonly root: TrieNode<T> = { entry: undefined, next: undefined };
  private maxLength = 0;
  /** 1 where a term can start: the scan's fast path. */
  private readonly starts = new Uint8Array(65536);

  /** Later entries for the same term replace earlier ones. Empty terms are ignored. */
  constructor(entries: Iterable<readonly [string, T]>) {
    const seen = new Map<string, T>();
    for (const [term, value] of entries) if (term.length > 0) seen.set(term, value);
    for (const [term, value] of seen) {
      let node = this.root;
      for (let i = 0; i < term.length; i++) {
        const code = term.charCodeAt(i);
        node.next ??= new Map();
        let child = node.next.get(code);
        if (!child) node.next.set(code, (child = { entry: undefined, next: undefined }));
        node = child;
      }
      node.entry = { term, value };
      this.starts[term.charCodeAt(0)] = 1;
      this.maxLength = Math.max(this.maxLength, term.length);
    }
  }

  /** The longest term starting exactly at `at`, if any. */
  matchAt(text: string, at: number, end = text.length): TermMatch<T> | undefined {
    let node: TrieNode<T> | undefined = this.root;
    let best: { term: string; value: T } | undefined;
    let bestEnd = at;
    for (let i = at; i < end; i++) {
      node = node.next?.get(text.charCodeAt(i));
      if (!node) break;
      if (node.entry) {
        best = node.entry;
        bestEnd = i + 1;
      }
    }
    return best ? { start: at, end: bestEnd, term: best.term, value: best.value } : undefined;
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
      if (this.starts[text.charCodeAt(start)] !== 1) continue;
      let node: TrieNode<T> | undefined = this.root;
      for (let i = start; i < end && node; i++) node = node.next?.get(text.charCodeAt(i));
      if (node?.entry) best = { start, end, term: node.entry.term, value: node.entry.value };
    }
    return best;
  }
}
