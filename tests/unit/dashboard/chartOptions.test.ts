import { describe, expect, test } from "vitest";
import type { Point } from "../../../src/model/aggregate.ts";
import { parsePeriod } from "../../../src/model/period.ts";
import {
  buildTimeSeriesOption,
  LARGE_SERIES,
  pointIdOf,
  type ChartConfig,
} from "../../../src/chart/timeSeries.ts";
import { pointTooltip } from "../../../src/chart/tooltip.ts";
import { buildComparisonOption } from "../../../src/chart/comparison.ts";
import { buildExportOption } from "../../../src/chart/exportOption.ts";
import { comparisonPoints } from "../../../src/chart/select.ts";

const point = (
  region: string,
  period: string,
  value: number,
  change: Partial<Point> = {},
): Point => {
  const range = parsePeriod(period)!;
  return {
    id: 7,
    indicator: "project_investment",
    region,
    period,
    periodStart: range.start,
    periodEnd: range.end,
    kind: "actual",
    value,
    qualifier: "exact",
    factCount: 1,
    ...change,
  };
};

const NAMES: Record<string, string> = { xinhui: "新会区", taishan: "台山市" };
const config: ChartConfig = {
  indicator: "project_investment",
  unit: "CNY",
  lang: "zh",
  chartType: "line",
  regions: ["xinhui", "taishan"],
  tableKeys: ["jiangmen", "xinhui", "taishan"],
  regionName: (k) => NAMES[k] ?? k,
};

type AnyOption = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("time series option", () => {
  const points = [
    point("xinhui", "2022", 20000000000),
    point("xinhui", "2022-01/2022-05", 22000000000, { qualifier: "more_than" }),
    point("xinhui", "2022", 50000000000, { kind: "target", qualifier: "more_than" }),
    point("taishan", "2021", 34772000000),
    point("taishan", "2022-Q1", 10022000000),
  ];
  const option = buildTimeSeriesOption(config, points) as AnyOption;

  test("periods of mixed granularity sort by start on a category axis labelled with the period", () => {
    expect(option.xAxis.data).toEqual(["2021", "2022-Q1", "2022-01/2022-05", "2022"]);
  });

  test("money is drawn in 亿元 and hedged values carry their mark", () => {
    const xinhui = option.series.find((s: AnyOption) => s.name === "新会区");
    // [category position, value in 亿元, point id, qualifier index, facts]
    // 1—5月 and the year 2022 are periods of different kinds: an empty item keeps them apart.
    expect(xinhui.data).toEqual([
      [3, 200, 7, 0, 1],
      [2, NaN, NaN, 0, 0],
      [2, 220, 7, 2, 1],
    ]);
    expect(xinhui.label.formatter({ data: xinhui.data[2] })).toBe(">220");
    expect(pointIdOf(xinhui.data[0])).toBe(7);
    expect(pointIdOf(xinhui.data[1])).toBeNull();
    expect(option.yAxis.name).toBe("亿元");
  });

  test("a line joins periods of one kind only; bars need no breaks", () => {
    const mixed = [
      point("taishan", "2021", 30000000000),
      point("taishan", "2022-Q1", 8000000000),
      point("taishan", "2022-Q2", 9000000000),
      point("taishan", "2022", 35000000000),
      point("taishan", "2023", 37000000000),
    ];
    const values = (chartType: "line" | "bar") =>
      (buildTimeSeriesOption({ ...config, chartType, regions: ["taishan"] }, mixed) as AnyOption)
        .series[0].data as number[][];
    // The axis runs 2021, 2022-Q1, 2022, 2022-Q2, 2023; the line joins the years across the
    // quarters between them, then the quarters, apart from the years.
    const line = values("line");
    expect(line.map((d: number[]) => d[1])).toEqual([300, 350, 370, NaN, 80, 90]);
    expect(line.map((d: number[]) => d[0])).toEqual([0, 2, 4, 1, 1, 3]);
    expect(values("bar").map((d: number[]) => d[1])).toEqual([300, 80, 350, 90, 370]);
  });

  test("a target is its own dashed, hollow series named in the legend", () => {
    const target = option.series.find((s: AnyOption) => s.name === "新会区 · 目标");
    expect(target.lineStyle.type).toBe("dotted");
    expect(target.symbol).toBe("emptyTriangle");
    expect(target.color).toBe(option.series.find((s: AnyOption) => s.name === "新会区").color);
  });

  test("bars: estimates and targets are hollow with a dashed border", () => {
    const bars = buildTimeSeriesOption({ ...config, chartType: "bar" }, points) as AnyOption;
    const target = bars.series.find((s: AnyOption) => s.name === "新会区 · 目标");
    expect(target.type).toBe("bar");
    expect(target.itemStyle.borderType).toBe("dotted");
  });

  test("aria is on and the bundled font comes first", () => {
    expect(option.aria.enabled).toBe(true);
    expect(option.textStyle.fontFamily).toMatch(/^"Noto Sans SC"/);
  });

  test("tooltips escape markup from the data", () => {
    const html = option.tooltip.formatter({
      seriesName: "<img src=x onerror=alert(1)>",
      data: [0, 1, 7, 0, 2],
    });
    expect(html).not.toMatch(/<img/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("2 篇报道");
    const direct = pointTooltip(
      { seriesName: "<script>x</script>", name: "<b>", data: { label: "<i>1</i>", n: 1 } },
      "亿元",
      () => "",
    );
    expect(direct).not.toMatch(/<script|<b>|<i>/);
  });

  test("many periods switch to large-data settings", () => {
    const many = Array.from({ length: LARGE_SERIES + 1 }, (_, i) =>
      point("xinhui", `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`, i),
    );
    const big = buildTimeSeriesOption(config, many) as AnyOption;
    expect(big.series[0]).toMatchObject({ sampling: "lttb", showSymbol: false });
    expect(big.series[0].progressive).toBeGreaterThan(0);
    expect(big.dataZoom.length).toBeGreaterThan(0);
  });
});

describe("comparison option", () => {
  test("one period, regions as horizontal bars, the largest on top, actual over target", () => {
    const points = comparisonPoints(
      [
        point("xinhui", "2022", 20000000000),
        point("xinhui", "2022", 50000000000, { kind: "target" }),
        point("taishan", "2022", 30000000000, { qualifier: "approx" }),
        point("taishan", "2021", 1),
      ],
      "2022",
    );
    const option = buildComparisonOption(config, "2022", points) as AnyOption;
    expect(option.yAxis.type).toBe("category");
    expect(option.yAxis.data).toEqual(["新会区", "台山市"]); // bottom to top
    const labels = option.series[0].data.map((d: AnyOption) =>
      option.series[0].label.formatter({ value: d.value }),
    );
    expect(labels).toEqual(["200", "≈300"]);
    expect(option.series[0].data[0].value[2]).toBe(7);
  });
});

describe("export option", () => {
  test("adds title, unit, districts, period and source line around the plot", () => {
    const base = buildTimeSeriesOption(config, [point("xinhui", "2022", 1e10)]) as AnyOption;
    const option = buildExportOption(base, {
      title: "项目投资额(亿元)",
      subtitle: "新会区 · 2022",
      sourceLine: "数据来源:羊城晚报 2022-05",
    }) as AnyOption;
    expect(option.title.text).toBe("项目投资额(亿元)");
    expect(option.title.subtext).toBe("新会区 · 2022");
    expect(option.graphic[0].style.text).toBe("数据来源:羊城晚报 2022-05");
    expect(option.grid.top).toBeGreaterThan(base.grid.top);
    expect(option.animation).toBe(false);
    expect(option.series).toBe(base.series);
  });
});
