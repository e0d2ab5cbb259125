import { expect, test } from "vitest";
import {
  aggregate,
  indexByIndicator,
  pointAt,
  toPointTable,
} from "../../../src/model/aggregate.ts";
import type { FactRow } from "../../../src/model/contract.ts";

const fact = (index: number, change: Partial<FactRow>): FactRow => ({
  index,
  line: index + 2,
  id: `f${index}`,
  indicator: "gdp",
  region: "taishan",
  period: "2021",
  periodStart: 18628,
  periodEnd: 18992,
  value: 50323000000,
  unit: "CNY",
  qualifier: "exact",
  kind: "actual",
  subject: "",
  source: "a",
  published: "2022-05",
  text: "",
  quote: "",
  start: null,
  end: null,
  ...change,
});

test("facts on the same indicator, region, period and kind make one point that keeps them all", () => {
  const points = aggregate([
    fact(0, { value: 50000000000, qualifier: "more_than", source: "a" }),
    fact(1, { value: 50323000000, source: "b", published: "2022-06" }),
    fact(2, { value: 50323000000, source: "a" }),
  ]);
  expect(points).toHaveLength(1);
  const [point] = points;
  expect(point?.value).toBe(50323000000); // exact over "more than"
  expect(point?.facts.sort()).toEqual([0, 1, 2]);
  expect(point?.sources.map((s) => s.source).sort()).toEqual(["a", "b"]);
});

test("estimates and targets are separate points from actuals", () => {
  const points = aggregate([
    fact(0, {}),
    fact(1, { kind: "estimate" }),
    fact(2, { kind: "target" }),
  ]);
  expect(points.map((p) => p.kind).sort()).toEqual(["actual", "estimate", "target"]);
});

test("a region-wide total stands for the point over a figure about one subject", () => {
  const [point] = aggregate([fact(0, { subject: "某项目", value: 1 }), fact(1, { value: 2 })]);
  expect(point?.value).toBe(2);
  expect(point?.facts[0]).toBe(1);
});

test("the point table carries the points to the page and back, indexed by indicator", () => {
  const aggregated = aggregate([
    fact(0, {}),
    fact(1, { indicator: "gdp_growth", unit: "percent", value: 8.5, qualifier: "approx" }),
    fact(2, {
      region: "xinhui",
      period: "2022-Q1",
      periodStart: 19000,
      periodEnd: 19089,
      kind: "estimate",
    }),
    fact(3, {}),
  ]);
  const table = toPointTable(aggregated);
  expect(table.count).toBe(3);
  const byIndicator = indexByIndicator(table);
  expect([...byIndicator.keys()].sort()).toEqual(["gdp", "gdp_growth"]);
  const growth = pointAt(table, byIndicator.get("gdp_growth")![0]!);
  expect(growth).toMatchObject({
    indicator: "gdp_growth",
    value: 8.5,
    qualifier: "approx",
    factCount: 1,
  });
  const gdp = [...byIndicator.get("gdp")!].map((id) => pointAt(table, id));
  expect(gdp.map((p) => [p.region, p.period, p.kind, p.factCount]).sort()).toEqual([
    ["taishan", "2021", "actual", 2],
    ["xinhui", "2022-Q1", "estimate", 1],
  ]);
});
