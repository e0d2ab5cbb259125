// Where a fact sits in its article: the number by its offsets (checked against the text, since a
// user's CSV may carry stale offsets), widened to the quoted sentence around it.
import type { FactRow } from "../model/contract.ts";

export interface Located {
  before: string;
  sentenceBefore: string;
  number: string;
  sentenceAfter: string;
  after: string;
}

export function locateFact(
  article: string,
  fact: Pick<FactRow, "start" | "end" | "text" | "quote">,
): Located | null {
  let start = fact.start;
  let end = fact.end;
  if (
    start === null ||
    end === null ||
    end > article.length ||
    (fact.text && article.slice(start, end) !== fact.text)
  ) {
    // Offsets missing or wrong: fall back to the number inside the quote, then anywhere.
    const inQuote = fact.quote ? article.indexOf(fact.quote) : -1;
    const at = fact.text
      ? inQuote >= 0
        ? article.indexOf(fact.text, inQuote)
        : article.indexOf(fact.text)
      : inQuote;
    if (at < 0) return null;
    start = at;
    end = at + (fact.text ? fact.text.length : fact.quote.length);
  }
  let sentenceStart = start;
  let sentenceEnd = end;
  if (fact.quote) {
    // The occurrence of the quote that contains the number.
    let q = article.lastIndexOf(fact.quote, start);
    while (q >= 0 && q + fact.quote.length < end) q = -1;
    if (q >= 0) {
      sentenceStart = q;
      sentenceEnd = q + fact.quote.length;
    }
  }
  return {
    before: article.slice(0, sentenceStart),
    sentenceBefore: article.slice(sentenceStart, start),
    number: article.slice(start, end),
    sentenceAfter: article.slice(end, sentenceEnd),
    after: article.slice(sentenceEnd),
  };
}
