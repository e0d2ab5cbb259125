// Articles the extractor was not tuned on (tests/fixtures/extract): statistics bulletins, a work
// report, district and signing news, a quarterly piece, another city with its own region table,
// OCR-damaged copy. Each has the facts a careful analyst would extract, written before the
// extractor ran. The suite scores every article with the contract's rules and holds the line:
// a fact that goes missing or a wrong row that appears fails, and so does a known gap that has
// been closed (remove it from articles.json so that it stays closed).
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractDocument, parseRegionTable } from "../../../extract/lib/index.ts";
import { readPageBytes } from "../../../extract/page/node.ts";
import {
  factsToRows,
  formatScoreDetails,
  formatScoreLine,
  parseCsvRecords,
  scoreRows,
  type GoldRow,
} from "../../../scripts/score.ts";

interface Article {
  id: string;
  published: string | null;
  regions: string;
  /** Expected facts still missed, as "indicator region value". */
  knownMisses: string[];
  /** Rows emitted that match no expected fact, as "indicator region value". */
  knownWrong: string[];
  /** Floor for the strict F1 (period label, qualifier and kind must agree too). */
  minStrictF1: number;
  /** Why the known gaps are open. */
  gaps?: string;
}

const dir = new URL("../../fixtures/extract/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("articles.json", dir), "utf8")) as {
  articles: Article[];
};
const key = (r: Record<string, string>) => `${r.indicator} ${r.region} ${r.value}`;

describe.each(manifest.articles)("$id", (article) => {
  const { regions } = parseRegionTable(readFileSync(new URL(article.regions, dir), "utf8"));
  // A saved web page (.html, as a browser saves it) is read as the command reads one: its article
  // text, and its date from its metadata when the manifest gives none.
  const page = new URL(`articles/${article.id}.html`, dir);
  const read = existsSync(page) ? readPageBytes(readFileSync(page)) : undefined;
  if (read && !read.ok) throw new Error(`${article.id}.html: ${read.reason}`);
  const text = read?.ok
    ? read.text
    : readFileSync(new URL(`articles/${article.id}.txt`, dir), "utf8");
  const published = article.published ?? (read?.ok ? read.published : undefined);
  const gold: GoldRow[] = parseCsvRecords(
    readFileSync(new URL(`expected/${article.id}.csv`, dir), "utf8"),
  ).rows.map((r) => ({ ...r, doc: r.doc ?? "" }));
  const result = extractDocument({ id: article.id, text, published }, { regions });
  const rows = factsToRows(result.facts);
  const lenient = scoreRows(gold, rows, false);
  const strict = scoreRows(gold, rows, true);
  const explain = (s: typeof lenient) => `${formatScoreLine(s)}\n${formatScoreDetails(s)}`;

  it("has expectations to meet", () => {
    expect(gold.filter((g) => g.doc === article.id && g.required !== "optional").length).toBe(
      lenient.required,
    );
    expect(lenient.required).toBeGreaterThan(0);
  });

  it("finds every expected fact but the known gaps", () => {
    expect(lenient.misses.map(key).sort(), explain(lenient)).toEqual(
      [...article.knownMisses].sort(),
    );
  });

  it("emits no wrong row but the known ones", () => {
    expect(lenient.unmatched.map(key).sort(), explain(lenient)).toEqual(
      [...article.knownWrong].sort(),
    );
  });

  it(`strict F1 ≥ ${article.minStrictF1}`, () => {
    expect(strict.f1, explain(strict)).toBeGreaterThanOrEqual(article.minStrictF1);
  });
});
