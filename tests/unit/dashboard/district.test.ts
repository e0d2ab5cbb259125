// A district's page: its rows derived from the points (latest region-wide figure per indicator,
// growth of that period, a trend of the same frequency, report counts), the sparkline, the URL and
// the text that reaches ECharts.
import { describe, expect, test } from "vitest";
import type { Point } from "../../../src/model/aggregate.ts";
import type { Indicator } from "../../../src/model/contract.ts";
import { DISTRICT_INDICATORS, deriveDistrict, sparkline } from "../../../src/chart/districtRows.ts";
import {
  buildDistrictOption,
  districtTooltip,
  figureText,
  rowSummary,
} from "../../../src/chart/district.ts";
import { buildExportOption, EXPORT_TOP } from "../../../src/chart/exportOption.ts";
import {
  DEFAULT_VIEW,
  districtHref,
  openDistrict,
  parseViewState,
  serializeViewState,
} from "../../../src/state/viewState.ts";
import { chartPoint } from "./fixtures.ts";

let nextId = 0;
const point = (
  indicator: Indicator,
  period: string,
  value: number,
  change: Partial<Point> = {},
): Point => chartPoint({ id: nextId++, indicator, region: "xinhui", period, value, ...change });
const rowOf = (rows: ReturnType<typeof deriveDistrict>, indicator: Indicator) =>
  rows.find((r) => r.indicator === indicator)!;

describe("deriveDistrict", () => {
  const points = [
    point("gdp", "2020", 600e8),
    point("gdp", "2021", 650e8, { factCount: 3 }),
    point("gdp", "2022-Q1", 170e8),
    point("gdp", "2025", 900e8, { kind: "target" }),
    point("gdp", "2022", 1e12, { subject: "某项目" }),
    point("gdp", "2022", 700e8, { region: "taishan" }),
    point("gdp_growth", "2021", 8.1, { factCount: 2 }),
    point("gdp_growth", "2020", 3.2),
    point("trade_growth", "2023", -2.5),
  ];
  const rows = deriveDistrict(points, "xinhui");

  test("lists every level indicator once, empty ones too", () => {
    expect(rows.map((r) => r.indicator).sort()).toEqual(
      DISTRICT_INDICATORS.map((d) => d.indicator).sort(),
    );
    expect(rows.some((r) => r.indicator.endsWith("_growth"))).toBe(false);
    const empty = rowOf(rows, "enterprise_count");
    expect(empty).toMatchObject({ latest: null, growth: null, trend: [], pointCount: 0 });
  });

  test("the latest figure is the district's latest actual region-wide one, a year over its quarter", () => {
    const gdp = rowOf(rows, "gdp");
    // Not the 2025 target, not the subject figure, not another district's 2022.
    expect(gdp.latest).toMatchObject({ period: "2022-Q1", value: 170e8 });
    const without = deriveDistrict(
      points.filter((p) => p.period !== "2022-Q1"),
      "xinhui",
    );
    expect(rowOf(without, "gdp").latest).toMatchObject({ period: "2021", value: 650e8 });
    expect(rowOf(without, "gdp").latest!.factCount).toBe(3);
  });

  test("growth is the one reported for the latest figure's period; none if that period has none", () => {
    const without = deriveDistrict(
      points.filter((p) => p.period !== "2022-Q1"),
      "xinhui",
    );
    expect(rowOf(without, "gdp").growth).toMatchObject({
      period: "2021",
      value: 8.1,
      factCount: 2,
    });
    expect(rowOf(rows, "gdp").growth).toBeNull();
  });

  test("the trend holds the latest figure's frequency and kind only, in time order", () => {
    const without = deriveDistrict(
      points.filter((p) => p.period !== "2022-Q1"),
      "xinhui",
    );
    const gdp = rowOf(without, "gdp");
    expect(gdp.frequency).toBe("year");
    expect(gdp.trend).toEqual([
      { period: "2020", value: 600e8 },
      { period: "2021", value: 650e8 },
    ]);
    expect(rowOf(rows, "gdp").trend.map((p) => p.period)).toEqual(["2022-Q1"]);
  });

  test("a target is shown only when there is no actual or estimated figure", () => {
    const targets = deriveDistrict(
      [
        point("gdp", "2025", 900e8, { kind: "target" }),
        point("gdp", "2021", 650e8, { kind: "estimate" }),
      ],
      "xinhui",
    );
    expect(rowOf(targets, "gdp").latest).toMatchObject({ kind: "estimate", period: "2021" });
    const onlyTarget = deriveDistrict([point("gdp", "2025", 900e8, { kind: "target" })], "xinhui");
    expect(rowOf(onlyTarget, "gdp").latest).toMatchObject({ kind: "target", period: "2025" });
    expect(figureText(rowOf(onlyTarget, "gdp").latest!, "zh")).toBe("900 亿元 (目标)");
  });

  test("with a growth rate but no level, the latest growth rate is shown", () => {
    const trade = rowOf(rows, "trade_value");
    expect(trade.latest).toBeNull();
    expect(trade.growth).toMatchObject({ period: "2023", value: -2.5 });
    expect(rowSummary(trade, "zh")).toBe("2023: 增速 -2.5%");
  });

  test("counts every point of the indicator and its growth for the district", () => {
    expect(rowOf(rows, "gdp").pointCount).toBe(7);
  });
});

describe("sparkline", () => {
  test("spans the box, highest value at the top", () => {
    expect(sparkline([1, 3, 2], 100, 20, 0)).toBe("0,20 50,0 100,10");
  });
  test("one value or equal values sit in the middle; none draws nothing", () => {
    expect(sparkline([5], 100, 20)).toBe("50,10");
    expect(sparkline([5, 5], 100, 20, 0)).toBe("0,10 100,10");
    expect(sparkline([], 100, 20)).toBe("");
  });
});

describe("the district's URL", () => {
  test("round-trips and keeps other parameters", () => {
    const state = { ...DEFAULT_VIEW, ...openDistrict("xinhui") };
    const query = serializeViewState(state, "?csv=/fixtures/indicators.csv");
    expect(query).toBe("?csv=%2Ffixtures%2Findicators.csv&view=district&district=xinhui");
    expect(parseViewState(query)).toEqual(state);
    expect(districtHref(DEFAULT_VIEW, "taishan", "")).toBe("?view=district&district=taishan");
  });
  test("a malformed district is dropped", () => {
    expect(parseViewState("?view=district&district=<script>").district).toBeNull();
    expect(parseViewState("?view=district").view).toBe("district");
  });
});

describe("the page as a chart", () => {
  const rows = deriveDistrict(
    [point("gdp", "2020", 600e8), point("gdp", "2021", 650e8), point("gdp_growth", "2021", 8.1)],
    "xinhui",
  );

  test("one grid and line per indicator with a figure, its summary beside it", () => {
    const { option, height } = buildDistrictOption(rows, "zh");
    const series = option.series as { data: number[]; name: string }[];
    expect(series).toHaveLength(1);
    expect(series[0]!.data).toEqual([600, 650]);
    expect(series[0]!.name).toBe("地区生产总值（亿元）");
    const texts = (option.graphic as { style: { text: string } }[]).map((g) => g.style.text);
    expect(texts).toContain("2021: 650 亿元 · +8.1%");
    expect(height).toBeGreaterThan(0);
  });

  test("its export keeps every grid and puts the title above them", () => {
    const { option } = buildDistrictOption(rows, "zh");
    const exported = buildExportOption(option, {
      title: "新会区",
      subtitle: "",
      sourceLine: "",
    });
    expect((exported.title as { text: string }).text).toBe("新会区");
    const grids = exported.grid as { top: number }[];
    expect(grids[0]!.top).toBe((option.grid as { top: number }[])[0]!.top + EXPORT_TOP);
  });

  test("tooltip text is escaped, in the formatter the option carries too", () => {
    const hostile = `<img src=x onerror="alert(1)">&'`;
    const html = districtTooltip(hostile, "2021", "650");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;");
    const { option } = buildDistrictOption(rows, "zh");
    const formatter = (option.tooltip as { formatter: (p: object) => string }).formatter;
    expect(formatter({ seriesName: hostile, name: "2021", value: 650 })).toBe(
      districtTooltip(hostile, "2021", "650"),
    );
  });
});

describe("rows with figures about subjects only", () => {
  const rows = deriveDistrict(
    [
      point("gdp", "2021", 650e8),
      point("enterprise_count", "2021", 120, { subject: "规模以上企业" }),
      point("enterprise_count", "2022", 145, { subject: "规模以上企业" }),
      point("enterprise_count", "2022", 30, { subject: "高新技术企业" }),
      point("enterprise_count", "2022", 9, { subject: "专精特新企业" }),
      point("enterprise_count", "2022", 4, { subject: "独角兽企业" }),
      point("enterprise_count", "2024", 200, { subject: "规模以上企业", kind: "target" }),
      point("project_count_growth", "2023", 12, { subject: "亿元以上项目" }),
      point("project_investment", "2023", 50e8, { subject: "某项目" }),
      point("project_investment", "2022", 100e8),
    ],
    "xinhui",
  );

  test("list the latest actual period's subject figures, largest first, subject named", () => {
    const firms = rowOf(rows, "enterprise_count");
    expect(firms.latest).toBeNull();
    expect(firms.subjects.map((p) => [p.period, p.subject, p.value])).toEqual([
      ["2022", "规模以上企业", 145],
      ["2022", "高新技术企业", 30],
      ["2022", "专精特新企业", 9],
    ]);
    expect(firms.subjectCount).toBe(4);
    expect(rowSummary(firms, "zh")).toBe(
      "2022: 规模以上企业 145 家；高新技术企业 30 家；专精特新企业 9 家 等1项",
    );
  });

  test("a growth rate about a subject stands in when the level has none", () => {
    const projects = rowOf(rows, "project_count");
    expect(projects.subjects.map((p) => p.subject)).toEqual(["亿元以上项目"]);
    expect(rowSummary(projects, "zh")).toBe("2023: 亿元以上项目 +12%");
  });

  test("a region-wide figure wins: then subjects are not listed", () => {
    const investment = rowOf(rows, "project_investment");
    expect(investment.latest).toMatchObject({ period: "2022", subject: "" });
    expect(investment.subjects).toEqual([]);
  });

  test("rows: region-wide first, subjects only next, empty last; the picker's order within", () => {
    const rank = (r: (typeof rows)[number]) =>
      r.latest || r.growth ? 0 : r.subjects.length ? 1 : 2;
    expect(rows.map(rank)).toEqual([...rows.map(rank)].sort());
    const order = DISTRICT_INDICATORS.map((d) => d.indicator);
    const regionWide = rows.filter((r) => rank(r) === 0).map((r) => r.indicator);
    expect(regionWide).toEqual(order.filter((i) => regionWide.includes(i)));
    expect(rows.filter((r) => rank(r) === 1).map((r) => r.indicator)).toEqual(
      order.filter((i) => i === "project_count" || i === "enterprise_count"),
    );
    expect(buildDistrictOption(rows, "zh").option.series).toHaveLength(4);
  });
});
