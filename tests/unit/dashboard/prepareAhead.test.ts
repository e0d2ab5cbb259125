// A large indicator's first drawing finds its work done ahead (a view record's prepare, a step a
// task): the chart's option and its description made after prepareTimeSeries and summarizeDrawn
// are the ones made without them, and what the steps made is what the render reads.
import { expect, test } from "vitest";
import type { Point } from "../../../src/model/aggregate.ts";
import {
  buildTimeSeriesOption,
  flatTuples,
  flatTuplesKept,
  groupDrawn,
  keptSeriesData,
  LARGE_MARKERS,
  prepareTimeSeries,
} from "../../../src/chart/timeSeries.ts";
import { describeChart, summarizeDrawn } from "../../../src/chart/describe.ts";
import { spanText } from "../../../src/views/shared.ts";
import {
  chartPoint,
  SUBJECT_REGIONS as REGIONS,
  subjectChartConfig as config,
} from "./fixtures.ts";

type AnyOption = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Subject figures of three regions and a few region-wide ones, some disagreeing. */
function drawnPoints(n: number): Point[] {
  const periods = ["2019", "2020", "2021", "2016/2020"];
  return Array.from({ length: n }, (_, i) =>
    chartPoint({
      id: 2 * i + 1,
      indicator: "project_investment",
      region: REGIONS[i % 3]!,
      period: periods[i % periods.length]!,
      value: 1e7 * (i + 1),
      subject: i % 50 === 0 ? "" : `项目${i}`,
      disagree: i % 7 === 0,
    }),
  );
}

const plain = (option: AnyOption) =>
  JSON.stringify(option, (_, v: unknown) =>
    ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v,
  );

test("the option and description made after the steps ahead are the ones made without them", () => {
  const n = 3 * LARGE_MARKERS + 300;
  const before = drawnPoints(n);
  const cold = plain(buildTimeSeriesOption(config, before));
  const coldText = describeChart(config, before);
  const coldSpan = spanText(before);

  const points = drawnPoints(n);
  const steps = prepareTimeSeries(points, true, "CNY", undefined, "line");
  let tasks = 0;
  while (!steps.next().done) tasks++;
  expect(tasks).toBeGreaterThan(0);
  summarizeDrawn(points);
  // The series' data drawn is the data the steps made, not made again.
  const list = groupDrawn(points, true).byRegionKind.get("xinhui\u0000actual")!;
  const made = keptSeriesData(list, "line CNY", () => []);
  expect(made.length).toBeGreaterThan(0);
  const warm = buildTimeSeriesOption(config, points) as AnyOption;
  expect((warm.series as AnyOption[]).find((s) => s.type === "line")!.data).toBe(made);
  expect(plain(warm)).toBe(cold);
  expect(describeChart(config, points)).toBe(coldText);
  expect(spanText(points)).toBe(coldSpan);
});

test("what the steps made is kept per drawn array and read back, not made again", () => {
  const points = drawnPoints(3 * LARGE_MARKERS + 30);
  const groups = groupDrawn(points, true);
  expect(groupDrawn(points, true)).toBe(groups);
  // Another subject toggle is other groups.
  expect(groupDrawn(points, false)).not.toBe(groups);
  expect(groupDrawn(points, false).subjectsOf.size).toBe(0);
  const parts = groupDrawn(points, true).subjectsOf.get("xinhui")!;
  const flat = flatTuplesKept(parts, "CNY");
  expect(flatTuplesKept(parts, "CNY")).toBe(flat);
  expect(Array.from(flat)).toEqual(Array.from(flatTuples(parts, "CNY")));
  // In percent the items are other numbers: made again.
  expect(flatTuplesKept(parts, "percent")).not.toBe(flat);
  expect(summarizeDrawn(points)).toBe(summarizeDrawn(points));
  expect(summarizeDrawn([])).toBeNull();
});

test("a region's series data is kept with its points and reused when a redraw leaves them as they were", () => {
  const points = drawnPoints(3000).filter((p) => !p.subject);
  const lines = { ...config, showSubjects: false };
  const first = buildTimeSeriesOption(lines, points) as AnyOption;
  // Another drawn array (a toggle of a district, then back): the same points, other arrays.
  const again = buildTimeSeriesOption(lines, [...points]) as AnyOption;
  expect(plain(again)).toBe(plain(first));
  expect(again.series.length).toBeGreaterThan(0);
  // The lines and spans (the disagreement marks are made per drawing).
  const lineSeries = (o: AnyOption) => (o.series as AnyOption[]).filter((s) => s.type === "line");
  expect(lineSeries(again).length).toBeGreaterThan(2);
  lineSeries(again).forEach((s, i) => expect(s.data).toBe(lineSeries(first)[i]!.data));
  // One region's points fewer: its series is made again, the others' are kept.
  const fewer = points.filter((p, i) => p.region !== "xinhui" || i > 10);
  const third = buildTimeSeriesOption(lines, fewer) as AnyOption;
  const cold = plain(
    buildTimeSeriesOption(
      lines,
      fewer.map((p) => ({ ...p })),
    ),
  );
  expect(plain(third)).toBe(cold);
  const kept = new Set(lineSeries(first).map((s) => s.data));
  const same = lineSeries(third).filter((s) => kept.has(s.data));
  expect(same.length).toBeGreaterThan(0);
  expect(same.length).toBeLessThan(lineSeries(third).length);
  // Bars of the same points: data of their own.
  const bars = buildTimeSeriesOption({ ...lines, chartType: "bar" }, points) as AnyOption;
  expect(bars.series[0].data).not.toBe(first.series[0].data);
});
