// The first view: the indicator with the most region-wide figures, its busiest frequency, and an
// axis that reads (years labelled as years, one year as one year, nothing on the edges).
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseRegionTable } from "../../../extract/lib/index.ts";
import { indexByIndicator, pointAt, PointIndex, type Point } from "../../../src/model/aggregate.ts";
import { FactLoader } from "../../../src/model/factLoader.ts";
import { FactStore } from "../../../src/model/factStore.ts";
import { parsePeriod } from "../../../src/model/period.ts";
import type { FactRow } from "../../../src/model/contract.ts";
import { firstIndicator, indicatorReach } from "../../../src/state/firstView.ts";
import { deriveDashboard } from "../../../src/state/derive.ts";
import { DEFAULT_VIEW } from "../../../src/state/viewState.ts";
import { planTimeAxis, timeAxisOption, yearOfAxisValue } from "../../../src/chart/timeAxis.ts";
import { buildTimeSeriesOption } from "../../../src/chart/timeSeries.ts";
import { chartPoint, factRow } from "./fixtures.ts";

const ROOT = new URL("../../../", import.meta.url);
const TABLE_KEYS = parseRegionTable(
  readFileSync(new URL("data/regions.csv", ROOT), "utf8"),
).regions.map((r) => r.key);

function tableOf(facts: FactRow[]) {
  const store = new FactStore();
  for (const f of facts) store.add(f);
  return tableOfStore(store);
}
function tableOfStore(store: FactStore) {
  const index = new PointIndex();
  index.addFrom(store);
  const table = index.table(store);
  return { table, byIndicator: indexByIndicator(table) };
}

const fact = (i: number, change: Partial<FactRow>) => {
  const range = parsePeriod(change.period ?? "2021")!;
  return factRow(i, { periodStart: range.start, periodEnd: range.end, ...change });
};

describe("first indicator", () => {
  test("most region-wide (region, period) pairs wins over most points", () => {
    const facts = [
      // Six project figures about subjects, one region-wide.
      ...["甲", "乙", "丙", "丁", "戊", ""].map((subject, i) =>
        fact(i, { indicator: "project_investment", region: "taishan", period: "2022", subject }),
      ),
      // Three GDP figures, each region-wide, over two regions and two years.
      fact(10, { indicator: "gdp", region: "taishan", period: "2021" }),
      fact(11, { indicator: "gdp", region: "taishan", period: "2022" }),
      fact(12, { indicator: "gdp", region: "xinhui", period: "2021" }),
      // A second report of a figure already counted adds no pair.
      fact(13, { indicator: "gdp", region: "xinhui", period: "2021", source: "b" }),
    ];
    const { table, byIndicator } = tableOf(facts);
    const reach = indicatorReach(table, byIndicator);
    expect(reach.find((r) => r.indicator === "gdp")).toMatchObject({ regionWide: 3, points: 3 });
    expect(reach.find((r) => r.indicator === "project_investment")).toMatchObject({
      regionWide: 1,
      points: 6,
    });
    expect(firstIndicator(reach)).toBe("gdp");
  });

  test("region-wide figures count within one frequency: lone spans do not make a chart", () => {
    const facts = [
      // Three region-wide counts, each of another frequency: three lone points on any axis.
      fact(0, {
        indicator: "project_count",
        unit: "count",
        region: "pengjiang",
        period: "2018/2022",
        value: 52,
      }),
      fact(1, {
        indicator: "project_count",
        unit: "count",
        region: "xinhui",
        period: "2022-01/2022-05",
        value: 11,
      }),
      fact(2, {
        indicator: "project_count",
        unit: "count",
        region: "taishan",
        period: "2022-Q1",
        value: 24,
      }),
      // Two yearly GDP figures: one line of two points.
      fact(10, { indicator: "gdp", region: "taishan", period: "2021" }),
      fact(11, { indicator: "gdp", region: "xinhui", period: "2021" }),
    ];
    const { table, byIndicator } = tableOf(facts);
    const reach = indicatorReach(table, byIndicator);
    expect(reach.find((r) => r.indicator === "project_count")).toMatchObject({ regionWide: 1 });
    expect(reach.find((r) => r.indicator === "gdp")).toMatchObject({ regionWide: 2 });
    expect(firstIndicator(reach)).toBe("gdp");
  });

  test("a tie goes to more points, then to the contract's order; nothing gives null", () => {
    expect(
      firstIndicator([
        { indicator: "trade_value", regionWide: 2, points: 2 },
        { indicator: "gdp", regionWide: 2, points: 5 },
      ]),
    ).toBe("gdp");
    expect(
      firstIndicator([
        { indicator: "trade_value", regionWide: 2, points: 2 },
        { indicator: "gdp", regionWide: 2, points: 2 },
      ]),
    ).toBe("gdp");
    expect(firstIndicator([])).toBeNull();
  });

  test("on the shipped data the first view is GDP, yearly, with year labels", () => {
    const loader = new FactLoader(new Set(TABLE_KEYS), 10);
    loader.feed(readFileSync(new URL("data/indicators.csv", ROOT), "utf8"));
    const { table, byIndicator } = tableOfStore(loader.store);
    const indicator = firstIndicator(indicatorReach(table, byIndicator));
    expect(indicator).toBe("gdp");
    const points = [...byIndicator.get("gdp")!].map((id) => pointAt(table, id));
    expect(points.filter((p) => !p.subject).length).toBeGreaterThanOrEqual(3);
    const derived = deriveDashboard(
      { ...DEFAULT_VIEW, indicator: "gdp" },
      { points, tableKeys: TABLE_KEYS },
    );
    expect(derived.frequency).toBe("year");
    const plan = planTimeAxis(
      derived.drawn.map((p) => ({ start: p.periodStart, end: p.periodEnd })),
    );
    expect(plan?.years?.labels.map(yearOfAxisValue).length).toBeGreaterThan(0);
  });
});

describe("the default frequency", () => {
  test("is the one with the most region-wide figures, not the most points", () => {
    const points: Point[] = [
      chartPoint({ id: 1, indicator: "gdp", region: "taishan", period: "2021", value: 1 }),
      chartPoint({ id: 2, indicator: "gdp", region: "xinhui", period: "2021", value: 1 }),
      ...[1, 2, 3, 4].map((q) =>
        chartPoint({
          id: 10 + q,
          indicator: "gdp",
          region: "taishan",
          period: `2022-Q${q}`,
          value: 1,
          subject: "园区",
        }),
      ),
      chartPoint({ id: 20, indicator: "gdp", region: "taishan", period: "2022-Q1", value: 1 }),
    ];
    const derived = deriveDashboard(
      { ...DEFAULT_VIEW, indicator: "gdp" },
      { points, tableKeys: TABLE_KEYS },
    );
    expect(derived.frequency).toBe("year");
  });
});

const range = (period: string) => {
  const r = parsePeriod(period)!;
  return { start: r.start, end: r.end };
};

describe("time axis", () => {
  test("one year alone is one labelled year, ticked at its two ends, not twelve months", () => {
    const plan = planTimeAxis([range("2021")])!;
    expect(plan.min).toBe(Date.UTC(2021, 0, 1));
    expect(plan.max).toBe(Date.UTC(2022, 0, 1));
    expect(plan.years!.labels.map(yearOfAxisValue)).toEqual([2021]);
    expect(plan.years!.ticks).toEqual([Date.UTC(2021, 0, 1), Date.UTC(2022, 0, 1)]);
    const axis = timeAxisOption(plan) as { axisLabel: { formatter: (v: number) => string } };
    expect(plan.years!.labels.map(axis.axisLabel.formatter)).toEqual(["2021"]);
  });

  test("years, a gap and a five-year span: every year labelled once, under its middle", () => {
    const plan = planTimeAxis([range("2019"), range("2021"), range("2016/2020")])!;
    expect(plan.years!.labels.map(yearOfAxisValue)).toEqual([2016, 2017, 2018, 2019, 2020, 2021]);
    for (const at of plan.years!.labels) {
      const d = new Date(at);
      expect([d.getUTCMonth(), d.getUTCDate()]).toEqual([6, 2]); // 2 July, mid-year
    }
  });

  test("many years are labelled every few years, never more than twelve labels", () => {
    const plan = planTimeAxis([range("1990"), range("2024")])!;
    expect(plan.years!.labels.length).toBeLessThanOrEqual(12);
    expect(plan.years!.ticks.length).toBe(2024 - 1990 + 2);
  });

  test("a quarter among years is not a year axis, and the axis covers every period whole", () => {
    const plan = planTimeAxis([range("2021"), range("2022-Q1")])!;
    expect(plan.years).toBeNull();
    expect(plan.min).toBe(Date.UTC(2021, 0, 1));
    expect(plan.max).toBe(Date.UTC(2022, 3, 1));
    expect(planTimeAxis([])).toBeNull();
  });

  test("the time chart uses it: subject markers inside the axis, right-half labels on the left", () => {
    const points = [
      chartPoint({
        id: 1,
        indicator: "project_investment",
        region: "xinhui",
        period: "2021",
        value: 1e9,
        subject: "甲项目",
      }),
      chartPoint({
        id: 2,
        indicator: "project_investment",
        region: "xinhui",
        period: "2023",
        value: 2e9,
        subject: "乙项目",
      }),
    ];
    const option = buildTimeSeriesOption(
      {
        indicator: "project_investment",
        unit: "CNY",
        lang: "zh",
        chartType: "line",
        regions: ["xinhui"],
        tableKeys: TABLE_KEYS,
        regionName: (k) => k,
        showSubjects: true,
      },
      points,
    ) as { xAxis: { min: number; max: number }; series: { type: string; data: unknown[] }[] };
    expect(option.xAxis.min).toBe(Date.UTC(2021, 0, 1));
    expect(option.xAxis.max).toBe(Date.UTC(2024, 0, 1));
    const scatter = option.series.find((s) => s.type === "scatter")!;
    const [first, last] = scatter.data as [
      number[],
      { value: number[]; label: { position: string } },
    ];
    expect(first[0]).toBeGreaterThan(option.xAxis.min);
    expect(last.value[0]).toBeLessThan(option.xAxis.max);
    expect(last.label.position).toBe("left");
  });
});
