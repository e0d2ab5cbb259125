// Articles as a reader sees them: Markdown headings and emphasis drawn as text with every offset
// kept, and an article named by title, publisher and date rather than its file id.
import { describe, expect, test } from "vitest";
import {
  firstLine,
  markdownSegments,
  segmentsIn,
  shownText,
} from "../../../src/article/markdown.ts";
import { articleLabel, articleName } from "../../../src/model/articleName.ts";

const ARTICLE = [
  "# 某市经济观察",
  "",
  "## 投资**加速**落地",
  "今年一季度，**某区固定资产投资增长12.5%**，比上年加快。",
  "乘法 2**3 与 a ** b 不是强调。",
].join("\n");

describe("markdownSegments", () => {
  const segments = markdownSegments(ARTICLE);

  test("cover the text exactly, in order", () => {
    expect(segments[0]!.start).toBe(0);
    expect(segments.at(-1)!.end).toBe(ARTICLE.length);
    segments.slice(1).forEach((s, i) => expect(s.start).toBe(segments[i]!.end));
  });

  test("heading marks and ** pairs are markup; what they mark is a heading or bold", () => {
    const markup = segments.filter((s) => s.markup).map((s) => ARTICLE.slice(s.start, s.end));
    expect(markup).toEqual(["# ", "## ", "**", "**", "**", "**"]);
    const bold = segments.filter((s) => s.strong).map((s) => ARTICLE.slice(s.start, s.end));
    expect(bold).toEqual(["加速", "某区固定资产投资增长12.5%"]);
    const h2 = segments.filter((s) => s.heading === 2 && !s.markup);
    expect(h2.map((s) => ARTICLE.slice(s.start, s.end)).join("")).toBe("投资加速落地");
    expect(shownText(ARTICLE, segments)).not.toMatch(/^#/m);
    expect(shownText(ARTICLE, segments)).toContain(
      "投资加速落地\n今年一季度，某区固定资产投资增长12.5%，",
    );
    // "2**3" and "a ** b" are not emphasis: no pair encloses non-space text at both ends.
    expect(shownText(ARTICLE, segments)).toContain("2**3 与 a ** b");
  });

  test("a highlight keeps its offsets: the number's range shows exactly the number", () => {
    const number = "12.5%";
    const at = ARTICLE.indexOf(number);
    const inside = segmentsIn(segments, at, at + number.length);
    expect(shownText(ARTICLE, inside)).toBe(number);
    expect(inside.every((s) => s.strong)).toBe(true);
    // Cut at the sentence's ends, the pieces still join into the whole article as shown.
    const cuts = [0, at - 3, at, at + number.length, at + 9, ARTICLE.length];
    const joined = cuts
      .slice(1)
      .map((end, i) => shownText(ARTICLE, segmentsIn(segments, cuts[i]!, end)))
      .join("");
    expect(joined).toBe(shownText(ARTICLE, segments));
  });

  test("first line as a title: marks dropped, blank lines and a BOM skipped, long lines cut", () => {
    expect(firstLine(`\uFEFF\n\n${ARTICLE}`)).toBe("某市经济观察");
    expect(firstLine("**标题**\n正文")).toBe("标题");
    expect(firstLine("长".repeat(100), 10)).toBe(`${"长".repeat(10)}…`);
    expect(firstLine("")).toBe("");
  });
});

describe("articleLabel", () => {
  test("title and publisher with the date; sources.csv over the first line", () => {
    const info = { title: "某区一季度经济运行", publisher: "某日报", published: "2023-04" };
    expect(articleLabel(articleName("001_ab", info, "第一行"), "zh")).toBe(
      "某日报《某区一季度经济运行》 2023-04",
    );
    expect(articleLabel(articleName("001_ab", info, undefined), "en")).toBe(
      "某日报, “某区一季度经济运行”, 2023-04",
    );
  });

  test("without metadata the first line names it; with nothing at all, the id", () => {
    expect(articleLabel(articleName("x1", undefined, "某市经济观察", "2024-01"), "zh")).toBe(
      "《某市经济观察》 2024-01",
    );
    expect(articleLabel(articleName("x1", undefined, undefined, "2024-01"), "zh")).toBe(
      "x1 2024-01",
    );
  });
});
