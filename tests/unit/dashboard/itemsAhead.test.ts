// A large indicator's chart items are written ahead, a slice at a time as its points are made
// (src/chart/timeSeries.ts, AheadItems): the chart drawn from them is the chart drawn without
// them, item for item, whichever points a filter leaves; a point that is not one of the points
// they were written from is written from itself.
import { expect, test } from "vitest";
import fc from "fast-check";
import type { Point } from "../../../src/model/aggregate.ts";
import {
  buildTimeSeriesOption,
  ITEM_DIMENSIONS,
  itemsAhead,
  LARGE_MARKERS,
  writeItemsAhead,
  type AheadItems,
} from "../../../src/chart/timeSeries.ts";
import {
  chartPoint,
  SUBJECT_REGIONS as REGIONS,
  subjectChartConfig as config,
} from "./fixtures.ts";

type AnyOption = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Points as the page makes them: ids ascending, subject figures of three regions, some
 * disagreeing, some hedged, every frequency's periods. */
function indicatorPoints(n: number): Point[] {
  const periods = ["2019", "2020-Q3", "2021-01/2021-05", "2022-H1", "2016/2020"];
  return Array.from({ length: n }, (_, i) =>
    chartPoint({
      id: 3 * i + 1,
      indicator: "project_investment",
      region: REGIONS[i % 3]!,
      period: periods[i % periods.length]!,
      value: 1e7 * (i + 1) + 0.37,
      subject: `项目${i}`,
      qualifier: i % 4 === 0 ? "approx" : "exact",
      sourceCount: 1 + (i % 3),
      disagree: i % 5 === 0,
    }),
  );
}

/** Writes the items of `points` in slices of `size`, as the page does, keeping what each slice
 * gives back for the next. */
function writeInSlices(points: Point[], size: number): AheadItems | undefined {
  let ahead: AheadItems | undefined;
  for (let from = 0; from < points.length; from += size)
    ahead = writeItemsAhead(
      points,
      "CNY",
      points.length,
      from,
      Math.min(points.length, from + size),
      ahead,
    );
  return ahead;
}

const seriesData = (option: AnyOption) =>
  option.series.map((s: AnyOption) =>
    s.data instanceof Float64Array ? Array.from(s.data as Float64Array) : s.data,
  );

/** Numbers a batched item. */
const SIZE = ITEM_DIMENSIONS.length;
const N = 3 * LARGE_MARKERS + 30;
const ALL = indicatorPoints(N);
const WRITTEN = writeInSlices(ALL, 1000);

test("written in slices, every item is there once the last slice is", () => {
  const half = indicatorPoints(100);
  const first = writeItemsAhead(half, "CNY", half.length, 0, 50);
  expect(itemsAhead(first, half, "CNY")).toBeUndefined();
  const both = writeItemsAhead(half, "CNY", half.length, 50, 100, first);
  expect(both).toBe(first);
  expect(itemsAhead(both, half, "CNY")?.written).toBe(100);
  // Items of another unit, or of other points, are not these.
  expect(itemsAhead(both, half, "percent")).toBeUndefined();
  expect(itemsAhead(both, [...half], "CNY")).toBeUndefined();
  // A slice out of order writes nothing; items of other points are not written into.
  expect(writeItemsAhead(half, "CNY", half.length, 60, 70, first).written).toBe(100);
  expect(writeItemsAhead([...half], "CNY", half.length, 0, 10, first)).not.toBe(first);
});

test("any subset drawn gives the same chart with the items written ahead as without", () => {
  const ahead = itemsAhead(WRITTEN, ALL, "CNY");
  expect(ahead).toBeDefined();
  fc.assert(
    fc.property(
      fc.subarray(REGIONS, { minLength: 1 }),
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 0, max: 6 }),
      fc.boolean(),
      (regions, step, offset, reversed) => {
        const kept = ALL.filter((p, i) => regions.includes(p.region) && (i + offset) % step === 0);
        // In the array's order, as the page draws them, or not (each then looked for afresh).
        const drawn = reversed ? kept.reverse() : kept;
        const shown = { ...config, regions };
        const fromAhead = buildTimeSeriesOption({ ...shown, ahead }, drawn) as AnyOption;
        const written = buildTimeSeriesOption(shown, drawn) as AnyOption;
        expect(seriesData(fromAhead)).toEqual(seriesData(written));
      },
    ),
    { numRuns: 25 },
  );
});

test("the items drawn are copied from those written ahead, each found by its point", () => {
  const ahead = itemsAhead(WRITTEN, ALL, "CNY")!;
  // Marks in the written items, where a copy would carry them and a fresh write would not.
  const marked = [0, 2, 3, 500, 1502, N - 1].filter((k) => ALL[k]!.region !== "taishan");
  expect(marked).toHaveLength(6);
  const saved = marked.map((k) => ahead.items[k * SIZE + 1]!);
  marked.forEach((k) => (ahead.items[k * SIZE + 1] = -k - 1));
  try {
    const drawn = ALL.filter((p) => p.region !== "taishan");
    const option = buildTimeSeriesOption({ ...config, ahead }, drawn) as AnyOption;
    const batched = option.series.filter((s: AnyOption) => s.data instanceof Float64Array);
    expect(batched.length).toBeGreaterThan(0);
    const found = new Map<number, number>();
    for (const s of batched) {
      const flat = s.data as Float64Array;
      for (let i = 0; i < flat.length; i += SIZE) found.set(flat[i + 2]!, flat[i + 1]!);
    }
    for (const k of marked) expect(found.get(ALL[k]!.id)).toBe(-k - 1);
  } finally {
    marked.forEach((k, j) => (ahead.items[k * SIZE + 1] = saved[j]!));
  }
});

test("a point that is not one of the points written ahead is drawn from itself", () => {
  const ahead = itemsAhead(WRITTEN, ALL, "CNY")!;
  // The same id, another object with another value (a table replaced after a review).
  const changed = ALL.map((p, i) => (i === 7 ? { ...p, value: 123456789 } : p));
  const option = buildTimeSeriesOption({ ...config, ahead }, changed) as AnyOption;
  const values = option.series
    .filter((s: AnyOption) => s.data instanceof Float64Array)
    .flatMap((s: AnyOption) => {
      const flat = s.data as Float64Array;
      return Array.from({ length: flat.length / SIZE }, (_, i) => flat[i * SIZE + 1]);
    });
  expect(values).toContain(1.2346);
  expect(values).not.toContain(Math.round(((1e7 * 8 + 0.37) / 1e8) * 1e4) / 1e4);
});
