// The 分析文章 panel's logic, without a browser: what the worker answers for an article, how its
// text is cut into marked pieces, and how pasted facts join the loaded ones.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyseArticle } from "../../../src/article/analyse.ts";
import {
  blockTouches,
  markSentence,
  markText,
  sentenceSpan,
} from "../../../src/article/highlight.ts";
import {
  factAsRow,
  joinPasted,
  pastedFacts,
  type PastedArticle,
} from "../../../src/model/pasted.ts";
import { factsToCsv } from "../../../src/model/csvExport.ts";
import { FactLoader } from "../../../src/model/factLoader.ts";
import { FactStore } from "../../../src/model/factStore.ts";
import { extractDocument } from "../../../extract/lib/extractDocument.ts";
import { jiangmenRegions } from "../extract/helpers.ts";

const article = readFileSync(
  new URL("../../../data/raw/002_29067f03fc52df4d.txt", import.meta.url),
  "utf8",
);
const keys = new Set(jiangmenRegions.map((r) => r.key));

describe("analyseArticle", () => {
  it("gives the extractor's facts, with the date inferred from the text when none is given", () => {
    const a = analyseArticle({ source: "pasted-1", text: article, published: "" }, jiangmenRegions);
    const expected = extractDocument(
      { id: "pasted-1", text: article },
      { regions: jiangmenRegions },
    );
    expect(a.problem).toBeNull();
    expect(a.facts).toEqual(expected.facts);
    expect(a.facts.length).toBeGreaterThan(5);
    expect(a.publishedGuessed).toBe(true);
    expect(a.published).toBe(expected.published);
    expect(a.inferred).toBe(expected.published);
    for (const f of a.facts) expect(article.slice(f.start, f.end)).toBe(f.text);
    // Every fact's number is no "unused" number.
    for (const n of a.unused)
      expect(a.facts.some((f) => f.start < n.end && n.start < f.end)).toBe(false);
  });

  it("uses the date the user gives, which moves relative periods", () => {
    const text = "今年一季度，新会区固定资产投资90亿元，增长11.3%。";
    const a = analyseArticle({ source: "p", text, published: "2022-05-10" }, jiangmenRegions);
    const b = analyseArticle({ source: "p", text, published: "2024-05" }, jiangmenRegions);
    expect(a.publishedGuessed).toBe(false);
    expect(a.facts.map((f) => f.period)).toEqual(["2022-Q1", "2022-Q1"]);
    expect(b.facts.map((f) => f.period)).toEqual(["2024-Q1", "2024-Q1"]);
    expect(a.facts.map((f) => [f.indicator, f.region, f.value])).toEqual([
      ["fixed_asset_investment", "xinhui", 9_000_000_000],
      ["fixed_asset_investment_growth", "xinhui", 11.3],
    ]);
  });

  it("says why there is nothing: empty text, no year, a bad date, no facts with the numbers seen", () => {
    expect(
      analyseArticle({ source: "p", text: " \n\u3000", published: "" }, jiangmenRegions).problem,
    ).toEqual({ kind: "empty" });
    const undated = analyseArticle(
      { source: "p", text: "今年新会区固定资产投资90亿元。", published: "" },
      jiangmenRegions,
    );
    expect(undated.problem).toEqual({ kind: "no-date" });
    expect(undated.unused.map((n) => n.text)).toEqual(["90亿元"]);
    expect(
      analyseArticle({ source: "p", text: "2024年新会区", published: "soon" }, jiangmenRegions)
        .problem,
    ).toEqual({ kind: "bad-date", value: "soon" });
    const none = analyseArticle(
      {
        source: "p",
        text: "2024年3月5日，公园里种了300棵树，门票降价20%，来了5000人次。",
        published: "",
      },
      jiangmenRegions,
    );
    expect(none.facts).toEqual([]);
    expect(none.problem).toEqual({ kind: "no-facts" });
    expect(none.unused.map((n) => n.text)).toEqual(["20%"]);
    expect(none.unusedCount).toBe(1);
  });
});

describe("markText", () => {
  const facts = analyseArticle(
    { source: "p", text: article, published: "" },
    jiangmenRegions,
  ).facts;

  it("marks exactly the facts' numbers, and the blocks put back together are the text", () => {
    const blocks = markText(article, facts, null, 500);
    expect(blocks.length).toBeGreaterThan(10);
    expect(blocks.flatMap((b) => b.pieces.map((p) => p.text)).join("")).toBe(article);
    const marks = blocks.flatMap((b) => b.pieces.filter((p) => p.facts));
    const spans = new Set(facts.map((f) => `${f.start}:${f.text}`));
    expect(new Set(marks.map((p) => `${p.start}:${p.text}`))).toEqual(spans);
    for (const p of marks) for (const i of p.facts!) expect(facts[i]!.text).toBe(p.text);
  });

  it("marks the picked fact's sentence, its number inside", () => {
    const fact = facts[3]!;
    const span = sentenceSpan(article, fact);
    expect(article.slice(span.start, span.end)).toBe(fact.quote);
    const pieces = markText(article, facts, span).flatMap((b) => b.pieces);
    const inSentence = pieces.filter((p) => p.sentence);
    expect(inSentence.map((p) => p.text).join("")).toBe(fact.quote);
    expect(inSentence.some((p) => p.facts?.includes(3))).toBe(true);
  });

  it("a sentence marked block by block gives the same pieces as marking the whole text", () => {
    const span = sentenceSpan(article, facts[5]!);
    const blocks = markText(article, facts, null, 300);
    const touched = blocks.filter((b, i) =>
      blockTouches(b, blocks[i + 1]?.start ?? article.length, span),
    );
    expect(touched.length).toBeGreaterThanOrEqual(1);
    const byBlock = blocks.flatMap((b, i) =>
      markSentence(b, blockTouches(b, blocks[i + 1]?.start ?? article.length, span) ? span : null),
    );
    const whole = markText(article, facts, span, 300).flatMap((b) => b.pieces);
    expect(byBlock).toEqual(whole);
  });

  it("any spans: pieces cover the text once, marks never cross a block, repeats share a mark", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 0, maxLength: 300 }),
        fc.array(fc.tuple(fc.nat(320), fc.nat(20))),
        fc.integer({ min: 5, max: 60 }),
        (text, raw, size) => {
          const spans = raw.map(([s, l]) => ({ start: s, end: s + l }));
          const blocks = markText(text, spans, null, size);
          expect(blocks.flatMap((b) => b.pieces.map((p) => p.text)).join("")).toBe(text);
          const marked = blocks.flatMap((b) =>
            b.pieces.filter((p) => p.facts).map((p) => p.facts!),
          );
          const valid = spans.filter((s) => s.start < s.end && s.end <= text.length);
          expect(new Set(marked.flat()).size).toBe(valid.length);
        },
      ),
    );
  });
});

describe("pasted facts", () => {
  const facts = analyseArticle(
    { source: "pasted-1", text: article, published: "" },
    jiangmenRegions,
  ).facts;

  it("join the loaded facts after them, the loaded ones keeping their positions", () => {
    const loader = new FactLoader(keys, 10);
    loader.feed(factsToCsv(facts.slice(0, 3).map((f) => ({ ...factAsRow(f), source: "file" }))));
    const joined = joinPasted(loader.store, facts, keys);
    expect(joined.count).toBe(3 + facts.length);
    expect(joined.row(0)).toEqual(loader.store.row(0));
    expect(joined.row(3)).toMatchObject({ source: "pasted-1", text: facts[0]!.text, line: 0 });
    // A fact about a place the table lacks has no place in the dashboard.
    expect(joinPasted(new FactStore(), [{ ...facts[0]!, region: "nowhere" }], keys).count).toBe(0);
  });

  it("in the order their articles were added", () => {
    const articles: PastedArticle[] = [
      { source: "a", title: "A", text: "", published: "2024-01", facts: facts.slice(0, 2) },
      { source: "b", title: "B", text: "", published: "2024-01", facts: facts.slice(2, 3) },
    ];
    expect(pastedFacts(articles)).toEqual(facts.slice(0, 3));
  });

  it("download as contract CSV that reads back as the same facts", () => {
    const loader = new FactLoader(keys, 10);
    loader.feed(factsToCsv(facts.map(factAsRow)));
    loader.finish();
    expect(loader.problems).toEqual([]);
    expect(loader.store.count).toBe(facts.length);
    facts.forEach((f, i) => {
      const {
        index: _index,
        line: _line,
        periodStart: _s,
        periodEnd: _e,
        ...row
      } = loader.store.row(i);
      expect(row).toEqual({ ...f, review: "" });
    });
  });
});
