import { describe, expect, it } from "vitest";
import { normalize, originalRange } from "../../../extract/lib/normalize.ts";

describe("normalize", () => {
  it("drops markdown emphasis", () => {
    expect(normalize("**总**投资逾100亿元").text).toBe("总投资逾100亿元");
  });
  it("folds full-width digits, letters and percent signs", () => {
    expect(normalize("增长１１．３％，ＧＤＰ").text).toBe("增长11.3%，GDP");
  });
  it("joins a sentence broken across paragraphs", () => {
    expect(normalize("今年，全区实现增加值96亿元；固定资产投资\n\n90亿元，增长11.3%。").text).toBe(
      "今年，全区实现增加值96亿元；固定资产投资90亿元，增长11.3%。",
    );
    expect(normalize("标题\n打造试验区，持续\n\n推进共同富裕。").text).toBe(
      "标题\n打造试验区，持续推进共同富裕。",
    );
  });
  it("never joins a short first line, the headline, to the lead under it", () => {
    expect(normalize("解码一季度GDP：江西领跑全国\n\n近日，数据公布。").text).toBe(
      "解码一季度GDP：江西领跑全国\n近日，数据公布。",
    );
    expect(normalize("鹤山找回信心，投资增速全市第一\n今年以来，全市投资回暖。").text).toBe(
      "鹤山找回信心，投资增速全市第一\n今年以来，全市投资回暖。",
    );
    // A first line with a semicolon is a sentence, broken by the layout.
    expect(normalize("增加值96亿元；固定资产投资\n90亿元。").text).toBe(
      "增加值96亿元；固定资产投资90亿元。",
    );
  });
  it("keeps titles, finished paragraphs and headings apart", () => {
    expect(normalize("区领导调研重点项目\n\n江门日报讯 7月7日。").text).toBe(
      "区领导调研重点项目\n江门日报讯7月7日。",
    );
    expect(normalize("一段话，说完了。\n\n下一段。").text).toBe("一段话，说完了。\n下一段。");
    expect(normalize("正文，没有说完\n\n# 标题").text).toBe("正文，没有说完\n#标题");
  });
  it("never joins a byline or metadata line to the text around it", () => {
    expect(normalize("标题\n来源：江门日报 编辑：李四\n\n记者获悉，前三季度GDP增长5%。").text).toBe(
      "标题\n来源：江门日报编辑：李四\n记者获悉，前三季度GDP增长5%。",
    );
    expect(
      normalize("标题\n2025-10-30 09:12　稿源：羊城晚报　作者：王五\n全市投资增长3%。").text,
    ).toBe("标题\n2025-10-30 09:12稿源：羊城晚报作者：王五\n全市投资增长3%。");
    // A body line broken after a colon that is no label's is still joined.
    expect(normalize("标题\n记者从市统计局获悉：前三季度\n\n全市GDP增长5%。").text).toBe(
      "标题\n记者从市统计局获悉：前三季度全市GDP增长5%。",
    );
  });
  it("drops stray spaces but keeps those between ASCII words", () => {
    expect(normalize("项目 24 个， J. Fraser Stoddart").text).toBe("项目24个，J. Fraser Stoddart");
  });
  it("maps every normalized offset back to the original", () => {
    const original = "**总**投资逾１００亿元\r\n\r\n项目 24 个";
    const norm = normalize(original);
    for (let i = 0; i < norm.text.length; i++) {
      const ch = original[norm.map[i]!]!;
      const folded = /[０-９]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) - 0xfee0) : ch;
      expect(norm.text[i] === "\n" ? "\n" : folded).toBe(norm.text[i]);
    }
    const at = norm.text.indexOf("逾");
    const [s, e] = originalRange(norm, at, at + 6);
    expect(original.slice(s, e)).toBe("逾１００亿元");
  });
  it("never grows the text", () => {
    const s = "  ＡＢ  c d\n\n\n**x**";
    expect(normalize(s).text.length).toBeLessThanOrEqual(s.length);
  });
});
