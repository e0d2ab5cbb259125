// The dictionary matcher against the plainest reading of its promise: at each position the longest
// term, left to right without overlaps; and the longest term ending at a position.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TermMatcher } from "../../../extract/lib/termMatcher.ts";

/** Longest term at `at`, by trying every term. */
function naiveAt(terms: readonly string[], text: string, at: number, end: number) {
  let best: string | undefined;
  for (const t of terms)
    if (at + t.length <= end && text.startsWith(t, at) && (!best || t.length > best.length))
      best = t;
  return best;
}

function naiveScan(terms: readonly string[], text: string) {
  const out: [number, string][] = [];
  for (let i = 0; i < text.length;) {
    const t = naiveAt(terms, text, i, text.length);
    if (t) {
      out.push([i, t]);
      i += t.length;
    } else i++;
  }
  return out;
}

function naiveEndingAt(terms: readonly string[], text: string, end: number, from: number) {
  let best: string | undefined;
  for (const t of terms)
    if (
      end - t.length >= from &&
      text.slice(end - t.length, end) === t &&
      (!best || t.length > best.length)
    )
      best = t;
  return best;
}

// A small alphabet makes shared prefixes and overlaps common, as place names and words are.
const word = fc.string({
  unit: fc.constantFrom("江", "门", "新", "会", "区", "市"),
  minLength: 1,
  maxLength: 4,
});

describe("TermMatcher", () => {
  it("finds the longest term first, left to right, as trying every term does", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { maxLength: 12 }),
        fc.string({
          unit: fc.constantFrom("江", "门", "新", "会", "区", "市", "，"),
          maxLength: 30,
        }),
        (terms, text) => {
          const m = new TermMatcher(terms.map((t) => [t, t] as const));
          expect(m.scan(text).map((x) => [x.start, x.term])).toEqual(naiveScan(terms, text));
          for (let end = 0; end <= text.length; end++)
            expect(m.matchEndingAt(text, end, 0)?.term).toEqual(naiveEndingAt(terms, text, end, 0));
        },
      ),
    );
  });

  it("stops at the end it is given and lets a later entry replace an earlier one", () => {
    const m = new TermMatcher<number>([
      ["江门", 1],
      ["江门市", 2],
      ["江门", 3],
    ]);
    expect(m.matchAt("江门市", 0)?.value).toBe(2);
    expect(m.matchAt("江门市", 0, 2)?.value).toBe(3);
    expect(m.matchAt("门市", 0)).toBeUndefined();
  });
});
