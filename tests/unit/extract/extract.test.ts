// extractDocument on short sentences written in the style of 江门日报 / 羊城晚报 (new ones, not
// the seed articles), then on the seed wordings the gold relies on.
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../extract/lib/index.ts";
import { extract, jiangmenRegions, otherCityRegions, rows } from "./helpers.ts";

describe("indicators with their growth", () => {
  it("GDP with growth", () => {
    expect(rows("2023年，江门市实现地区生产总值3791.94亿元，同比增长4.6%。")).toEqual([
      "gdp jiangmen 2023 379194000000 exact actual",
      "gdp_growth jiangmen 2023 4.6 exact actual",
    ]);
  });
  it("a decline is negative", () => {
    expect(rows("今年1—2月，蓬江区规上工业增加值下降2.4%。")).toEqual([
      "industrial_value_added_growth pengjiang 2024-01/2024-02 -2.4 exact actual",
    ]);
  });
  it("前三季度 fixed-asset investment", () => {
    expect(rows("前三季度，台山市完成固定资产投资218.5亿元，同比增长8.1%。")).toEqual([
      "fixed_asset_investment taishan 2024-01/2024-09 21850000000 exact actual",
      "fixed_asset_investment_growth taishan 2024-01/2024-09 8.1 exact actual",
    ]);
  });
  it("上半年 trade with its parts", () => {
    expect(rows("上半年，开平市外贸进出口总额达120亿元，其中出口额95.6亿元。")).toEqual([
      "trade_value kaiping 2024-H1 12000000000 exact actual",
      "trade_value kaiping 2024-H1 9560000000 exact actual",
    ]);
  });
  it("a growth broken down by district", () => {
    expect(
      rows("江门市1-2月规模以上工业增加值同比增长7.5%，其中蓬江区增长9.1%，江海区下降1.3%。"),
    ).toEqual([
      "industrial_value_added_growth jiangmen 2024-01/2024-02 7.5 exact actual",
      "industrial_value_added_growth pengjiang 2024-01/2024-02 9.1 exact actual",
      "industrial_value_added_growth jianghai 2024-01/2024-02 -1.3 exact actual",
    ]);
  });
  it("分别 gives one fact per item, each with its subject", () => {
    const facts = extract("2022年，江门市对美国和欧盟出口分别下降5.2%和3.7%。");
    expect(facts.map((f) => [f.indicator, f.value, f.subject])).toEqual([
      ["trade_growth", -5.2, "美国"],
      ["trade_growth", -3.7, "欧盟"],
    ]);
  });
  it("a total broken down by place", () => {
    expect(
      rows("今年一季度，全市完成固定资产投资500亿元，其中蓬江区完成80亿元，江海区65亿元。"),
    ).toEqual([
      "fixed_asset_investment jiangmen 2024-Q1 50000000000 exact actual",
      "fixed_asset_investment pengjiang 2024-Q1 8000000000 exact actual",
      "fixed_asset_investment jianghai 2024-Q1 6500000000 exact actual",
    ]);
    expect(rows("去年全市引进项目50个，其中蓬江区12个，新会区15个。")).toEqual([
      "project_count jiangmen 2023 50 exact actual",
      "project_count pengjiang 2023 12 exact actual",
      "project_count xinhui 2023 15 exact actual",
    ]);
  });
  it("分别 pairs a list of places with a list of figures, and growths with values", () => {
    expect(rows("今年一季度，蓬江区、江海区、新会区分别引进项目10个、8个、12个。")).toEqual([
      "project_count pengjiang 2024-Q1 10 exact actual",
      "project_count jianghai 2024-Q1 8 exact actual",
      "project_count xinhui 2024-Q1 12 exact actual",
    ]);
    expect(
      rows("2023年，台山市和开平市地区生产总值分别为503.2亿元和420.1亿元，分别增长4.5%和3.9%。"),
    ).toEqual([
      "gdp taishan 2023 50320000000 exact actual",
      "gdp kaiping 2023 42010000000 exact actual",
      "gdp_growth taishan 2023 4.5 exact actual",
      "gdp_growth kaiping 2023 3.9 exact actual",
    ]);
  });
  it("a growth of growth (投资额增速) binds to the value named before 增速", () => {
    expect(rows("去年，台山新引进项目34个，投资总额347.72亿元，投资额增速127.6%。")).toEqual([
      "project_count taishan 2023 34 exact actual",
      "project_investment taishan 2023 34772000000 exact actual",
      "project_investment_growth taishan 2023 127.6 exact actual",
    ]);
  });
  it("the base of a comparison is not the period; 负增长 is a fall; 回落至 states a level", () => {
    expect(rows("2023年，江门市地区生产总值3791亿元，比2022年增长4.6%。")).toEqual([
      "gdp jiangmen 2023 379100000000 exact actual",
      "gdp_growth jiangmen 2023 4.6 exact actual",
    ]);
    expect(rows("今年一季度，开平市规上工业增加值负增长2%，GDP增速回落至3%。")).toEqual([
      "industrial_value_added_growth kaiping 2024-Q1 -2 exact actual",
      "gdp_growth kaiping 2024-Q1 3 exact actual",
    ]);
  });
  it("percentage points are not growth", () => {
    expect(rows("鹤山市一季度地区生产总值同比增长5.3%，增速比上年同期提高1.2个百分点。")).toEqual([
      "gdp_growth heshan 2024-Q1 5.3 exact actual",
    ]);
  });
});

describe("words that look like cues but are not", () => {
  it("工业投资 is not a project's investment; 投资 alone needs a name after the amount", () => {
    expect(rows("江门高新区1—2月完成工业投资15.6亿元，增长25.3%。")).toEqual([]);
    expect(
      extract("江海企业在恩平投资兴业，包括投资1亿元的鸿裕达。").map((f) => f.subject),
    ).toEqual(["鸿裕达"]);
  });
  it("per-capita GDP and sector value added are not GDP or industrial value added", () => {
    expect(rows("2023年，江门市人均GDP达7.9万元，第二产业增加值1600亿元，增长5%。")).toEqual([]);
  });
  it("a newspaper's name is not a place", () => {
    expect(rows("江门日报讯 记者获悉，今年一季度引进项目12个。")).toEqual([]);
  });
  it("trade broken into exports and imports", () => {
    expect(
      rows("江门市2023年外贸进出口总额1653.6亿元，同比下降4.3%，其中出口1294.3亿元，下降3.1%。"),
    ).toEqual([
      "trade_value jiangmen 2023 165360000000 exact actual",
      "trade_growth jiangmen 2023 -4.3 exact actual",
      "trade_value jiangmen 2023 129430000000 exact actual",
      "trade_growth jiangmen 2023 -3.1 exact actual",
    ]);
  });
  it("an indicator without a growth key (产值) drops its growth", () => {
    expect(rows("恩平市去年规上工业总产值达265.8亿元，同比增长12.6%。")).toEqual([
      "output_value enping 2023 26580000000 exact actual",
    ]);
  });
});

describe("layout", () => {
  it("a cue may be followed by its bracketed abbreviation", () => {
    expect(rows("2023年我市实现地区生产总值（GDP）3791.94亿元，同比增长4.6%。")).toEqual([
      "gdp jiangmen 2023 379194000000 exact actual",
      "gdp_growth jiangmen 2023 4.6 exact actual",
    ]);
  });
  it("a heading's figure stands when the body lacks it; its quote has no # marks", () => {
    const facts = extract("# 江门鹤山 对欧贸易额年均增长10%\n\n正文没有数字。");
    expect(facts.map((f) => [f.indicator, f.region, f.value, f.quote])).toEqual([
      ["trade_growth", "heshan", 10, "江门鹤山 对欧贸易额年均增长10%"],
    ]);
  });
});

describe("numbers as other publishers write them", () => {
  it("a space as thousands separator", () => {
    expect(rows("去年，蓬江区地区生产总值首次突破1 000亿元，达1 032.6亿元。")).toEqual([
      "gdp pengjiang 2023 100000000000 more_than actual",
      "gdp pengjiang 2023 103260000000 exact actual",
    ]);
  });
  it("planned annual investment is a target", () => {
    expect(rows("今年蓬江区计划安排重点项目120个，年度计划投资120亿元。")).toEqual([
      "project_count pengjiang 2024 120 exact target",
      "project_investment pengjiang 2024 12000000000 exact target",
    ]);
  });
});

describe("amounts in 亿 without 元", () => {
  it("bind to a cue right before them; 亿美元 and 亿人次 are not yuan", () => {
    // A milestone with no period (突破4000亿, undated) is no fact; dated, it is a bound (issue 9).
    expect(rows("江门GDP突破4000亿，台山新引进项目总投资超百亿。")).toEqual([
      "project_investment taishan 2024-03 10000000000 more_than actual",
    ]);
    expect(rows("2023年江门GDP突破4000亿。")).toEqual([
      "gdp jiangmen 2023 400000000000 more_than actual",
    ]);
    expect(
      rows("蓬江区实际利用外资2.3亿美元，接待游客1.2亿人次，新落地投资超百亿项目2个。"),
    ).toEqual(["project_count pengjiang 2023 2 exact actual"]);
  });
});

describe("subjects", () => {
  it("a project's full name, a kind of enterprise, a class of projects", () => {
    const facts = extract(
      "信义集团鹤山玻璃产业基地项目总投资20亿元，项目达产后预计年产值18亿元。江海区拥有规模以上企业145家。去年江海区引进亿元以上产业项目共51个。",
    );
    expect(facts.map((f) => f.subject)).toEqual([
      "信义集团鹤山玻璃产业基地项目",
      "信义集团鹤山玻璃产业基地项目",
      "规模以上企业",
      "亿元以上产业项目",
    ]);
  });
});

describe("investment that continues an indicator", () => {
  it("完成投资 right after fixed-asset investment is its total; after projects, theirs", () => {
    expect(rows("过去五年，江门固定资产投资年均增长9.5%，累计完成投资超7000亿元。")).toEqual([
      "fixed_asset_investment_growth jiangmen 2019/2023 9.5 exact actual",
      "fixed_asset_investment jiangmen 2019/2023 700000000000 more_than actual",
    ]);
    expect(rows("今年江海区固定资产投资增长8%，重点项目完成投资120亿元。")).toEqual([
      "fixed_asset_investment_growth jianghai 2024 8 exact actual",
      "project_investment jianghai 2024 12000000000 exact actual",
    ]);
  });
});

describe("kinds", () => {
  it("预计 → estimate, with its qualifier", () => {
    expect(rows("预计全年鹤山市GDP增长6%左右。")).toEqual([
      "gdp_growth heshan 2024 6 approx estimate",
    ]);
  });
  it("将 after 预计 in its clause is the future of the estimate; a later clause's 将 is a plan", () => {
    expect(rows("预计全年江海区地区生产总值将突破520亿元。")).toEqual([
      "gdp jianghai 2024 52000000000 more_than estimate",
    ]);
    expect(rows("新会区一季度预计增长5%，全年将实现固定资产投资增长10%。")).toEqual([
      "fixed_asset_investment_growth xinhui 2024 10 exact target",
    ]);
  });
  it("力争 → target", () => {
    expect(rows("力争到2025年，全市规上工业总产值突破1万亿元。")).toEqual([
      "output_value jiangmen 2025 1000000000000 more_than target",
    ]);
  });
  it("a growth target (增长目标为)", () => {
    expect(rows("今年，恩平市地区生产总值增长目标为6%左右。")).toEqual([
      "gdp_growth enping 2024 6 approx target",
    ]);
  });
  it("计划总投资 is an actual figure; 将 makes a target", () => {
    expect(rows("新会区1—2月新签约项目18个，计划总投资86.3亿元。")).toEqual([
      "project_count xinhui 2024-01/2024-02 18 exact actual",
      "project_investment xinhui 2024-01/2024-02 8630000000 exact actual",
    ]);
    expect(rows("恩平市将新建项目3至5个。")).toEqual([
      "project_count enping 2024-03 3 more_than target",
    ]);
  });
  it("output at full production is an estimate for the publication month", () => {
    expect(rows("今年上半年，开平某产业园项目总投资20亿元，达产后预计年产值30亿元。")).toEqual([
      "project_investment kaiping 2024-H1 2000000000 exact actual",
      "output_value kaiping 2024-03 3000000000 exact estimate",
    ]);
  });
});

describe("enterprise and project counts", () => {
  it("stocks of enterprises take the publication month", () => {
    expect(
      rows("目前，恩平市拥有国家级专精特新“小巨人”企业3家、省级专精特新中小企业42家。"),
    ).toEqual([
      "enterprise_count enping 2024-03 3 exact actual",
      "enterprise_count enping 2024-03 42 exact actual",
    ]);
    expect(rows("全市高新技术企业超过3000家，规模以上工业企业2600多家。")).toEqual([
      "enterprise_count jiangmen 2024-03 3000 more_than actual",
      "enterprise_count jiangmen 2024-03 2600 more_than actual",
    ]);
  });
  it("counts named by 总数 and firms defined by a threshold", () => {
    const facts = extract(
      "今年以来，鹤山市新签约项目总数达120个，营收超百亿元的企业10家，全市共有A级景区30家。",
    );
    expect(facts.map((f) => [f.indicator, f.value, f.subject])).toEqual([
      // 新签约 is the event, 项目 alone no subject (issue 18).
      ["project_count", 120, ""],
      // The threshold defines the kind of firm, as 10亿元以上 does a class of projects.
      ["enterprise_count", 10, "营收超百亿元的企业"],
    ]);
  });
  it("thresholds inside a subject are not values", () => {
    const facts = extract(
      "去年，台山新引进超亿元项目34个，落地2个投资超百亿元项目，其中10亿元以上项目9个。",
    );
    expect(facts.map((f) => `${f.indicator} ${f.value}`)).toEqual([
      "project_count 34",
      "project_count 2",
      "project_count 9",
    ]);
  });
  it("firms at one event, shares, points, salaries, platforms and grid cells are not indicators", () => {
    expect(
      rows(
        "江海区全区190个网格，组织30家企业参加广交会，拜访企业超20家，13家优质企业现场考察，" +
          "占全市GDP比重达36.5%，增速提高2.1个百分点，年薪50万元，省级创新平台108家，为企业减税逾10亿元，完成率超100%。",
      ),
    ).toEqual([]);
  });
});

describe("regions", () => {
  it("the place where the activity is: firms investing in another district", () => {
    expect(
      rows("推动一批江海企业在恩平投资兴业，其中包括投资2.1亿元的金隆电器。", "2023-07"),
    ).toEqual(["project_investment enping 2023-07 210000000 exact actual"]);
  });
  it("a heading sets the region of its section, 全区 follows it", () => {
    const text =
      "# 江门新会 一季度\n\n今年一季度，全区固定资产投资增长11.3%。\n\n# 江门台山\n\n2021年，地区生产总值503.23亿元。";
    expect(rows(text, "2022-05")).toEqual([
      "fixed_asset_investment_growth xinhui 2022-Q1 11.3 exact actual",
      "gdp taishan 2021 50323000000 exact actual",
    ]);
  });
  it("区委书记 on a district's page", () => {
    const text = "江海区召开会议。区委书记表示，全区今年引进项目20个。";
    expect(rows(text)).toEqual(["project_count jianghai 2024 20 exact actual"]);
  });
  it("a page about one place gives its region to figures that name none", () => {
    const text =
      "蓬江区：产业项目跑出加速度\n\n3月12日，蓬江区重点项目在棠下镇集中开工。区委书记出席。\n\n活动当天，现场签约项目8个，投资额共计23.5亿元。";
    expect(rows(text)).toEqual([
      "project_count pengjiang 2023 8 exact actual",
      "project_investment pengjiang 2023 2350000000 exact actual",
    ]);
  });
  it("a page about several places gives none", () => {
    const text = "蓬江区与江海区、新会区、台山市合作。\n\n活动当天，现场签约项目8个。";
    expect(rows(text)).toEqual([]);
  });
  it("figures about places outside the table are not emitted", () => {
    expect(rows("拱北海关今年进出口总额1000亿元，增长5%。横琴合作区引进项目30个。")).toEqual([]);
  });
  it("national and provincial figures are not emitted; 全国 elsewhere in the sentence only describes", () => {
    expect(
      rows("2023年，全国规上工业增加值增长4.6%，全省GDP 13.57万亿元，国内生产总值增长5.2%。"),
    ).toEqual([]);
    expect(rows("江海区作为全国百强区，今年引进项目20个。")).toEqual([
      "project_count jianghai 2024 20 exact actual",
    ]);
  });
  it("东部 inside 东西部 is no place", () => {
    expect(rows("东西部的GDP差距大，东部经济总量约为2300亿元。", "2022-04")).toEqual([
      "gdp jiangmen_east 2021 230000000000 approx actual",
    ]);
  });
  it("works for another city from its own table", () => {
    const text =
      "南海区桂城街道今年一季度固定资产投资增长15.2%。江门市GDP达3000亿元。\n\n顺德区北滘镇引进项目12个。";
    expect(rows(text, "2024-05", otherCityRegions)).toEqual([
      "fixed_asset_investment_growth nanhai 2024-Q1 15.2 exact actual",
      "project_count shunde 2023 12 exact actual",
    ]);
  });
});

describe("restatements", () => {
  it("a lead repeating the body gives one fact; two projects of equal size give two", () => {
    expect(
      rows("今年一季度，新会区固定资产投资增长11.3%。据统计，一季度新会区固定资产投资增长11.3%。"),
    ).toEqual(["fixed_asset_investment_growth xinhui 2024-Q1 11.3 exact actual"]);
    expect(extract("鹤山市甲项目总投资10亿元。鹤山市乙项目总投资10亿元。")).toHaveLength(2);
  });
});

describe("periods by default", () => {
  it("a flow without a period takes the last complete year, a named project the month", () => {
    expect(
      rows("鹤山市外贸进出口总额超200亿元。中欧合作区某智造项目总投资15亿元。", "2023-07"),
    ).toEqual([
      "trade_value heshan 2022 20000000000 more_than actual",
      "project_investment heshan 2023-07 1500000000 exact actual",
    ]);
  });
  it("a period earlier in the paragraph carries on", () => {
    const text = "过去一年，江海区招商成效明显。据统计，引进项目共51个。其中10亿元以上项目9个。";
    expect(rows(text)).toEqual([
      "project_count jianghai 2023 51 exact actual",
      "project_count jianghai 2023 9 exact actual",
    ]);
  });
  it("a period does not carry past its paragraph, but a story's title gives one", () => {
    const body =
      "一季度，江海区地区生产总值增长5.2%。\n\n投资保持增长。江海区固定资产投资增长4.5%。";
    expect(rows(body, "2024-04")).toEqual([
      "gdp_growth jianghai 2024-Q1 5.2 exact actual",
      "fixed_asset_investment_growth jianghai 2023 4.5 exact actual",
    ]);
    expect(rows(`一季度江海经济开局良好\n\n${body}`, "2024-04")).toEqual([
      "gdp_growth jianghai 2024-Q1 5.2 exact actual",
      "fixed_asset_investment_growth jianghai 2024-Q1 4.5 exact actual",
    ]);
  });
});

describe("grounding and ids", () => {
  const text =
    "# 江门台山\n\n**总**投资逾１００亿元的24个重大项目在一季度集中动工。\n\n今年，全市固定资产投资\n\n90亿元，增长11.3%。";
  const { facts } = extractDocument(
    { id: "doc", text, published: "2022-05" },
    { regions: jiangmenRegions },
  );
  it("text is the article's own slice, quote its sentence", () => {
    expect(facts.length).toBeGreaterThan(0);
    for (const f of facts) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(text.includes(f.quote)).toBe(true);
      expect(f.quote.includes(f.text)).toBe(true);
    }
    expect(facts.map((f) => f.text)).toContain("逾１００亿元");
  });
  it("ids are unique and stable, facts sorted by start", () => {
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
    const again = extractDocument(
      { id: "doc", text, published: "2022-05" },
      { regions: jiangmenRegions },
    );
    expect(again.facts).toEqual(facts);
    expect(facts.map((f) => f.start)).toEqual([...facts.map((f) => f.start)].sort((a, b) => a - b));
  });
  it("a quote that spans a paragraph break keeps it", () => {
    const f = facts.find((x) => x.indicator === "fixed_asset_investment");
    expect(f?.quote).toBe("今年，全市固定资产投资\n\n90亿元，增长11.3%。");
  });
});

describe("text without sentence ends", () => {
  it("quotes a window around the number rather than the whole run", () => {
    const text = "江海区引进项目12个总投资3亿元增长5%".repeat(2000);
    const facts = extract(text);
    expect(facts.length).toBeGreaterThan(0);
    for (const f of facts) {
      expect(f.quote.length).toBeLessThanOrEqual(700);
      expect(f.quote.includes(f.text)).toBe(true);
    }
  });
});

describe("publication date", () => {
  it("is taken as given", () => {
    const r = extractDocument(
      { id: "d", text: "去年GDP增长5%", published: "2023-07" },
      { regions: jiangmenRegions },
    );
    expect(r).toMatchObject({ published: "2023-07", publishedGuessed: false });
  });
  it("is guessed from the text when missing", () => {
    const text =
      "部署2024年工作。江门日报讯(记者/何裕)3月8日，会议召开。2023年江海区引进项目共51个。";
    const r = extractDocument({ id: "d", text }, { regions: jiangmenRegions });
    expect(r).toMatchObject({ published: "2024-03", publishedGuessed: true });
  });
});
