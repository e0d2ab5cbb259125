import { describe, expect, test } from "vitest";
import type { Point } from "../../../src/model/aggregate.ts";
import { parsePeriod } from "../../../src/model/period.ts";
import {
  buildTimeSeriesOption,
  BATCHED_MARKS,
  ITEM_DIMENSIONS,
  LARGE_MARKERS,
  MARKERS_PER_FRAME,
  MARKS_PER_PATH,
  LARGE_SERIES,
  pointIdOf,
  type ChartConfig,
} from "../../../src/chart/timeSeries.ts";
import { pointTooltip } from "../../../src/chart/tooltip.ts";
import { buildComparisonOption } from "../../../src/chart/comparison.ts";
import { buildExportOption } from "../../../src/chart/exportOption.ts";
import { comparisonPoints } from "../../../src/chart/select.ts";
import { chartPoint } from "./fixtures.ts";

const point = (region: string, period: string, value: number, change: Partial<Point> = {}): Point =>
  chartPoint({ id: 7, indicator: "project_investment", region, period, value, ...change });

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

const DAY = 86_400_000;
const middle = (period: string) => {
  const r = parsePeriod(period)!;
  return ((r.start + r.end + 1) / 2) * DAY;
};
/** The drawn items of a series: tuples, whether plain, wrapped with a mark, or flat numbers. */
const tuples = (series: AnyOption): number[][] => {
  if (series.data instanceof Float64Array) {
    const size = series.dimensions.length as number;
    const flat = Array.from(series.data as Float64Array);
    return Array.from({ length: flat.length / size }, (_, i) =>
      flat.slice(i * size, i * size + size),
    );
  }
  return series.data.map((d: unknown) => (Array.isArray(d) ? d : (d as AnyOption).value));
};
const named = (option: AnyOption, name: string, type = "line") =>
  option.series.find((s: AnyOption) => s.name === name && s.type === type && !s.silent);

describe("time series option", () => {
  const points = [
    point("xinhui", "2022", 20000000000),
    point("xinhui", "2022", 50000000000, { kind: "target", qualifier: "more_than" }),
    point("taishan", "2021", 34772000000),
    point("taishan", "2023", 10022000000, { id: 9, disagree: true }),
  ];
  const option = buildTimeSeriesOption(config, points) as AnyOption;

  test("periods sit on a time axis at the middle of their span", () => {
    expect(option.xAxis.type).toBe("time");
    const taishan = tuples(named(option, "台山市"));
    expect([taishan[0]![0], taishan[2]![0]]).toEqual([middle("2021"), middle("2023")]);
    // March 2022 sits inside 2022, not after it; the five years 2018/2022 centre on mid-2020.
    expect(middle("2022-03")).toBeGreaterThan(middle("2022-Q1") - 40 * DAY);
    expect(middle("2022-03")).toBeLessThan(middle("2022"));
    expect(new Date(middle("2018/2022")).getUTCFullYear()).toBe(2020);
  });

  test("a missing year is a gap: 2021 and 2023 are not joined across 2022", () => {
    const taishan = tuples(named(option, "台山市"));
    expect(taishan.map((d) => d[1])).toEqual([347.72, NaN, 100.22]);
    expect(pointIdOf(taishan[1])).toBeNull();
  });

  test("each period's span is drawn under its point, silent and named like its series", () => {
    const span = option.series.find((s: AnyOption) => s.name === "台山市" && s.silent);
    expect(span.data.slice(0, 2)).toEqual([
      [parsePeriod("2021")!.start * DAY, 347.72],
      [(parsePeriod("2021")!.end + 1) * DAY, 347.72],
    ]);
  });

  test("money is drawn in 亿元 and hedged values carry their mark", () => {
    const target = named(option, "新会区 · 目标");
    expect(tuples(target)[0]!.slice(1, 5)).toEqual([500, 7, 2, 1]);
    expect(target.label.formatter({ value: tuples(target)[0] })).toBe(">500");
    expect(option.yAxis.name).toBe("亿元");
  });

  test("a line joins periods of one length only: years, quarters and 1—5月 apart", () => {
    const mixed = [
      point("taishan", "2021", 30000000000),
      point("taishan", "2022-Q1", 8000000000),
      point("taishan", "2022-Q2", 9000000000),
      point("taishan", "2022", 35000000000),
      point("taishan", "2023", 37000000000),
      point("taishan", "2022-01/2022-05", 12000000000),
      point("taishan", "2023-01/2023-05", 13000000000),
      point("taishan", "2023-01/2023-02", 5000000000),
      point("taishan", "2018/2022", 240000000000),
    ];
    const data = tuples(
      named(
        buildTimeSeriesOption({ ...config, regions: ["taishan"] }, mixed) as AnyOption,
        "台山市",
      ),
    );
    // Runs, split by an empty item: 2023-01/02 alone, 1—5月 2022→2023, the quarters, the
    // five-year span alone, the years 2021→2022→2023.
    const runs = data
      .map((d) => (Number.isNaN(d[1]) ? "|" : String(d[1])))
      .join(" ")
      .split(" | ");
    expect(runs.sort()).toEqual(["120 130", "2400", "300 350 370", "50", "80 90"].sort());
  });

  test("figures about a subject are unjoined markers named by their subject, shown on request", () => {
    const withParts = [
      point("xinhui", "2022", 20000000000),
      point("xinhui", "2022", 3000000000, { id: 11, subject: "中创新航江门基地项目" }),
    ];
    const hidden = buildTimeSeriesOption(config, withParts) as AnyOption;
    expect(hidden.series.some((s: AnyOption) => s.type === "scatter")).toBe(false);
    expect(tuples(named(hidden, "新会区")).map((d) => d[1])).toEqual([200]);
    const shown = buildTimeSeriesOption({ ...config, showSubjects: true }, withParts) as AnyOption;
    const parts = named(shown, "新会区 · 分项", "scatter");
    expect(tuples(parts).map((d) => d[1])).toEqual([30]);
    expect(parts.label.formatter({ value: tuples(parts)[0] })).toBe("中创新航江门基地项目 30");
    expect(tuples(named(shown, "新会区")).map((d) => d[1])).toEqual([200]);
    expect(
      shown.tooltip.formatter({ seriesName: "新会区 · 分项", value: tuples(parts)[0] }),
    ).toContain("2022 · 中创新航江门基地项目");
  });

  test("batched markers of several regions share one frame's budget", () => {
    const regions = ["pengjiang", "jianghai", "xinhui", "taishan"];
    const parts = regions.flatMap((region, r) =>
      Array.from({ length: LARGE_MARKERS + 1 }, (_, i) =>
        point(region, `${2000 + (i % 20)}`, 1e8 + i, { id: r * 1e6 + i, subject: `项目${i}` }),
      ),
    );
    const option = buildTimeSeriesOption(
      { ...config, regions, showSubjects: true },
      parts,
    ) as AnyOption;
    const batched = option.series.filter((s: AnyOption) => s.type === "scatter" && s.large);
    expect(batched).toHaveLength(regions.length);
    const perFrame = batched.reduce((sum: number, s: AnyOption) => sum + s.progressive, 0);
    expect(perFrame).toBeGreaterThan(0);
    expect(perFrame).toBeLessThanOrEqual(MARKERS_PER_FRAME + regions.length);
    // Every marker is still there, only drawn over more frames.
    for (const s of batched) expect(tuples(s)).toHaveLength(LARGE_MARKERS + 1);
  });

  test("past LARGE_MARKERS, subject figures and disagreement marks are batched small squares", () => {
    const parts = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        point("xinhui", `${2000 + (i % 20)}`, 1e8 + i, {
          id: i,
          subject: `项目${i}`,
          disagree: i % 2 === 0,
        }),
      );
    const few = buildTimeSeriesOption({ ...config, showSubjects: true }, parts(40)) as AnyOption;
    const many = buildTimeSeriesOption(
      { ...config, showSubjects: true },
      parts(2 * LARGE_MARKERS + 2),
    ) as AnyOption;
    // Few: each marker its own hollow shape with hover; many: one batched draw of filled dots
    // under 4 px (ECharts fills those with fillRect instead of stroking a path per shape).
    const fewParts = named(few, "新会区 · 分项", "scatter");
    expect(fewParts).toMatchObject({ large: false, symbolSize: 9 });
    expect(fewParts.itemStyle.borderWidth).toBe(2);
    const manyParts = named(many, "新会区 · 分项", "scatter");
    expect(manyParts).toMatchObject({ large: true, largeThreshold: LARGE_MARKERS });
    expect(manyParts.progressive).toBeLessThanOrEqual(MARKERS_PER_FRAME); // a few frames' worth
    expect(manyParts.symbolSize).toBeLessThan(4);
    expect(manyParts.itemStyle).toEqual({ color: manyParts.color, borderWidth: 0 });
    expect(tuples(manyParts)).toHaveLength(2 * LARGE_MARKERS + 2);
    // Batched items are the start of the tuples drawn one by one (time, value, point id), and a
    // tooltip reads either alike: the rest is the point's.
    const fewTuples = tuples(fewParts);
    expect(tuples(manyParts).slice(0, 40)).toEqual(
      fewTuples.map((t) => t.slice(0, ITEM_DIMENSIONS.length)),
    );
    expect(ITEM_DIMENSIONS.slice(0, 3)).toEqual(["at", "value", "point"]);
    const tip = (option: AnyOption, value: number[]) =>
      option.tooltip.formatter({ seriesName: "新会区 · 分项", value });
    for (const i of [0, 1, 39])
      expect(tip(many, tuples(manyParts)[i]!)).toBe(tip(few, fewTuples[i]!));
    expect(tip(many, tuples(manyParts)[0]!)).toContain("数值不一致");
    const manyMarks = named(many, "数值不一致", "scatter");
    expect(manyMarks).toMatchObject({ large: true, itemStyle: { color: "#c62828" } });
    expect(tuples(manyMarks)).toHaveLength(LARGE_MARKERS + 1);
    expect(named(few, "数值不一致", "scatter")).toMatchObject({ large: false, symbolSize: 16 });
    // Between BATCHED_MARKS and LARGE_MARKERS, disagreement marks keep their hollow diamonds,
    // drawn batched, as paths of at most MARKS_PER_PATH (series of one name), every mark there
    // once, in order.
    const count = 2 * BATCHED_MARKS + 2;
    const some = buildTimeSeriesOption(
      { ...config, showSubjects: true },
      parts(count),
    ) as AnyOption;
    const someMarks = some.series.filter(
      (s: AnyOption) => s.name === "数值不一致" && s.type === "scatter",
    );
    expect(someMarks).toHaveLength(Math.ceil((BATCHED_MARKS + 1) / MARKS_PER_PATH));
    expect(someMarks.length).toBeGreaterThan(1);
    for (const marks of someMarks) {
      expect(marks).toMatchObject({
        large: true,
        symbol: "diamond",
        symbolSize: 16,
        itemStyle: named(few, "数值不一致", "scatter").itemStyle,
      });
      // Batched: ECharts batches a series of at least largeThreshold items.
      expect(tuples(marks).length).toBeGreaterThanOrEqual(marks.largeThreshold);
      expect(tuples(marks).length).toBeLessThanOrEqual(MARKS_PER_PATH);
    }
    const all = someMarks.flatMap(tuples);
    expect(all).toHaveLength(BATCHED_MARKS + 1);
    expect(all.slice(0, 20)).toEqual(
      tuples(named(few, "数值不一致", "scatter")).map((t) => t.slice(0, ITEM_DIMENSIONS.length)),
    );
    expect(new Set(all.map((d: number[]) => d[2])).size).toBe(all.length);
    // One legend entry for them all.
    expect(some.legend.data.filter((n: string) => n === "数值不一致")).toHaveLength(1);
  });

  test("a figure whose reports disagree is marked in the chart and the tooltip", () => {
    const marks = named(option, "数值不一致", "scatter");
    expect(marks.symbol).toBe("diamond");
    expect(marks.itemStyle.borderColor).toBe("#c62828");
    expect(tuples(marks).map((d) => d[1])).toEqual([100.22]);
    const taishan = named(option, "台山市");
    expect(taishan.label.formatter({ value: tuples(taishan)[2] })).toBe("≠100.22");
    const html = option.tooltip.formatter({ seriesName: "台山市", value: tuples(taishan)[2] });
    expect(html).toContain("≠ 各篇报道的数值不一致");
    expect(option.legend.data).toContain("数值不一致");
  });

  test("a target is its own dashed, hollow series named in the legend", () => {
    const target = named(option, "新会区 · 目标");
    expect(target.lineStyle.type).toBe("dotted");
    expect(target.symbol).toBe("emptyTriangle");
    expect(target.color).toBe(named(option, "新会区").color);
    expect(option.legend.data).toEqual(["新会区", "新会区 · 目标", "台山市", "数值不一致"]);
  });

  test("bars: estimates and targets are hollow with a dashed border", () => {
    const bars = buildTimeSeriesOption({ ...config, chartType: "bar" }, points) as AnyOption;
    const target = named(bars, "新会区 · 目标", "bar");
    expect(target.itemStyle.borderType).toBe("dotted");
  });

  test("ECharts' own aria text is off (the label is ours) and the bundled font comes first", () => {
    expect(option.aria.enabled).toBe(false);
    expect(option.textStyle.fontFamily).toMatch(/^"Noto Sans SC"/);
  });

  test("tooltips escape markup from the data and never say -0", () => {
    // The number of reports is the point's (found by the id in the item).
    const reported = buildTimeSeriesOption(config, [
      point("xinhui", "2022", 1e8, { sourceCount: 2 }),
    ]) as AnyOption;
    const html = reported.tooltip.formatter({
      seriesName: "<img src=x onerror=alert(1)>",
      value: [0, 1, 7, 0, 2, 0],
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
    const tiny = option.tooltip.formatter({ seriesName: "x", value: [0, -0.0001, 7, 0, 1, 0] });
    expect(tiny).toContain(": 0 亿元");
    expect(tiny).not.toContain("-0");
  });

  test("many points switch to large-data settings", () => {
    const many = Array.from({ length: LARGE_SERIES + 1 }, (_, i) =>
      point("xinhui", `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`, i),
    );
    const big = buildTimeSeriesOption(config, many) as AnyOption;
    expect(big.series[0]).toMatchObject({ showSymbol: false });
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

describe("review states in tooltips", () => {
  test("the time chart's and the comparison's tooltips say each figure's state", () => {
    const points = [
      point("xinhui", "2022", 20000000000, { id: 1, review: "corrected" }),
      point("taishan", "2022", 34772000000, { id: 2 }),
    ];
    const chart = buildTimeSeriesOption(config, points) as AnyOption;
    const say = (name: string) =>
      chart.tooltip.formatter({ seriesName: name, value: tuples(named(chart, name))[0] });
    expect(say("新会区")).toContain("已更正");
    expect(say("台山市")).toContain("未核对");
    const compared = buildComparisonOption(config, "2022", points) as AnyOption;
    const bars = compared.series[0].data.map((d: AnyOption) => d.value);
    const html = bars.map((value: number[]) => compared.tooltip.formatter({ value }));
    expect(html.filter((h: string) => h.includes("已更正"))).toHaveLength(1);
    expect(html.filter((h: string) => h.includes("未核对"))).toHaveLength(1);
  });
});
