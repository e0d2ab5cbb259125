// The document model read before binding: the outline segment() finds (headings, numbered section
// titles, colon lines over lists) and what buildDocModel() says each paragraph carries from it.
import { describe, expect, it } from "vitest";
import { normalize } from "../../../extract/lib/normalize.ts";
import { segment } from "../../../extract/lib/segment.ts";
import { findPeriods } from "../../../extract/lib/periods.ts";
import { buildGazetteer, findPlaces } from "../../../extract/lib/regions.ts";
import { buildDocModel } from "../../../extract/lib/document.ts";
import { jiangmenRegions } from "./helpers.ts";

const gaz = buildGazetteer(jiangmenRegions);

function model(raw: string) {
  const text = normalize(raw).text;
  const { paragraphs } = segment(text);
  const periods = findPeriods(text, { year: 2024, month: 3 });
  const places = findPlaces(gaz, text);
  const doc = buildDocModel({ text, gaz, paragraphs, places, periods });
  const line = (i: number) => text.slice(paragraphs[i]!.start, paragraphs[i]!.end);
  return { text, paragraphs, doc, line };
}

describe("the outline", () => {
  it("numbered titles nest below markdown headings and close at their own level", () => {
    const { paragraphs, line } = model(
      "# 江门经济\n一、2023年回顾\n（一）台山市\n正文一。\n（二）开平市\n正文二。\n二、2024年计划\n正文三。",
    );
    const headingsOf = (i: number) => paragraphs[i]!.headings.map(line);
    expect(paragraphs.map((p) => p.role)).toEqual([
      "heading",
      "section",
      "section",
      "body",
      "section",
      "body",
      "section",
      "body",
    ]);
    // Normalizing drops the space after the # marks.
    expect(headingsOf(3)).toEqual(["#江门经济", "一、2023年回顾", "（一）台山市"]);
    expect(headingsOf(5)).toEqual(["#江门经济", "一、2023年回顾", "（二）开平市"]);
    expect(headingsOf(7)).toEqual(["#江门经济", "二、2024年计划"]);
  });

  it("a colon line heads the numbered items right after it and nothing after them", () => {
    const { paragraphs, line } = model("重点项目计划如下：\n1．项目甲。\n2．项目乙。\n正文。");
    expect(paragraphs.map((p) => p.role)).toEqual(["body", "item", "item", "body"]);
    expect(paragraphs[1]!.headings.map(line)).toEqual(["重点项目计划如下："]);
    expect(paragraphs[2]!.headings.map(line)).toEqual(["重点项目计划如下："]);
    expect(paragraphs[3]!.headings).toEqual([]);
  });

  it("a numbered sentence with a figure is an item, not a title", () => {
    const { paragraphs } = model("1．新会区引进项目45个。\n正文。");
    expect(paragraphs[0]!.role).toBe("item");
    expect(paragraphs[1]!.headings).toEqual([]);
  });
});

describe("what a paragraph carries", () => {
  it("place, period, indicator and plan from its titles, innermost first", () => {
    const { doc } = model(
      "江门经济运行情况\n一、2024年重点项目计划\n（一）台山市固定资产投资\n正文。\n（二）开平市\n正文。",
    );
    expect(doc.headline).toBe(0);
    expect(doc.carried[3]).toMatchObject({ region: "taishan", period: "2024", plan: true });
    expect(doc.carried[3]!.topic?.name).toBe("fixed_asset_investment");
    expect(doc.carried[5]).toMatchObject({ region: "kaiping", period: "2024", plan: true });
    // No title below the headline names an indicator: the headline's (none here) is carried.
    expect(doc.carried[5]!.topic).toBeUndefined();
  });

  it("the headline's one indicator is every paragraph's topic; two indicators name none", () => {
    expect(model("各区地区生产总值出炉\n正文。").doc.carried[1]!.topic?.name).toBe("gdp");
    expect(model("地区生产总值与固定资产投资双增长\n正文。").doc.carried[1]!.topic).toBeUndefined();
  });

  it("the article's place is the headline's, else the lead's first sentence's", () => {
    expect(model("鹤山市经济运行平稳\n全市增长。").doc.place).toBe("heshan");
    expect(model("经济运行平稳\n开平市统计局发布数据。全市增长。").doc.place).toBe("kaiping");
  });
});
