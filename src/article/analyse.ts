// What the 分析文章 panel shows for one article: its facts, by the same extractor and region table
// as `npm run extract`, and the numbers the text holds, so an article without facts can say what it
// saw. Pure: the worker runs it, and so do the unit tests and the bench, in Node.
import {
  extractDocument,
  findNumbers,
  findPeriods,
  inferPublished,
  normalize,
  originalRange,
  parsePublished,
  type Fact,
  type Region,
} from "../../extract/lib/index.ts";

export interface ArticleInput {
  /** The document id the facts carry as their `source`. */
  source: string;
  text: string;
  /** `YYYY-MM-DD` or `YYYY-MM` as the user set it; empty: inferred from the text. */
  published: string;
}

export interface SeenNumber {
  /** The number as written, with its unit, and its offsets in the text. */
  text: string;
  start: number;
  end: number;
}

export type ArticleProblem =
  /** Nothing but white space. */
  | { kind: "empty" }
  /** No date given and none found in the text: relative periods cannot be placed. */
  | { kind: "no-date" }
  /** A date given that is not YYYY-MM-DD or YYYY-MM. */
  | { kind: "bad-date"; value: string }
  /** Facts none, numbers perhaps. */
  | { kind: "no-facts" };

export interface ArticleAnalysis {
  facts: Fact[];
  /** The publication date used, and whether it was inferred from the text. */
  published: string;
  publishedGuessed: boolean;
  /** The date the text itself suggests (whatever was given), for the date field's default. */
  inferred: string;
  /** Numbers with a unit the extractor charts (元, %, 个/家/项) that became no fact; at most 50. */
  unused: SeenNumber[];
  unusedCount: number;
  problem: ArticleProblem | null;
}

const UNUSED_LIMIT = 50;

export function analyseArticle(input: ArticleInput, regions: Region[]): ArticleAnalysis {
  const { text } = input;
  const inferred = inferPublished(text) ?? "";
  const given = input.published.trim();
  const empty: ArticleAnalysis = {
    facts: [],
    published: given || inferred,
    publishedGuessed: !given,
    inferred,
    unused: [],
    unusedCount: 0,
    problem: null,
  };
  if (!text.trim()) return { ...empty, problem: { kind: "empty" } };
  if (given && !parsePublished(given))
    return { ...empty, problem: { kind: "bad-date", value: given.slice(0, 40) } };
  const published = given || inferred;
  const result = extractDocument({ id: input.source, text, published }, { regions });
  const facts = result.facts;
  const { unused, count } = unusedNumbers(text, published, facts);
  const problem: ArticleProblem | null = facts.length
    ? null
    : !parsePublished(published)
      ? { kind: "no-date" }
      : { kind: "no-facts" };
  return {
    facts,
    published: result.published,
    publishedGuessed: !given,
    inferred,
    unused,
    unusedCount: count,
    problem,
  };
}

/** Numbers of the text that no fact stands on, in text order (dates and periods are no numbers). */
function unusedNumbers(
  text: string,
  published: string,
  facts: readonly Fact[],
): { unused: SeenNumber[]; count: number } {
  const norm = normalize(text);
  const periods = findPeriods(norm.text, parsePublished(published));
  // Facts come in text order, as do the tokens: one sweep finds the overlaps.
  const used = facts.map((f) => [f.start, f.end] as const).sort((a, b) => a[0] - b[0]);
  let u = 0;
  const unused: SeenNumber[] = [];
  let count = 0;
  for (const token of findNumbers(norm.text, 0, norm.text.length, periods)) {
    if (token.unit !== "CNY" && token.unit !== "percent" && token.unit !== "count") continue;
    const [start, end] = originalRange(norm, token.start, token.end);
    while (u < used.length && used[u]![1] <= start) u++;
    let overlaps = false;
    for (let k = u; k < used.length && used[k]![0] < end && !overlaps; k++)
      overlaps = used[k]![1] > start;
    if (overlaps) continue;
    count++;
    if (unused.length < UNUSED_LIMIT) unused.push({ text: text.slice(start, end), start, end });
  }
  return { unused, count };
}
