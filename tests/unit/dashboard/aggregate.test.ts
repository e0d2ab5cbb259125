import { expect, test } from "vitest";
import {
  PointIndex,
  aggregate,
  indexByIndicator,
  pointAt,
  roundingOf,
  sourcesOf,
} from "../../../src/model/aggregate.ts";
import { FactStore } from "../../../src/model/factStore.ts";
import { factRow } from "./fixtures.ts";
import type { FactRow } from "../../../src/model/contract.ts";

const fact = factRow;

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

test("figures about different subjects are different points, never merged", () => {
  const points = aggregate([
    fact(0, { subject: "一带一路沿线国家", value: 7.4 }),
    fact(1, { subject: "东盟", value: 14 }),
    fact(2, { value: 8 }),
    fact(3, { subject: "东盟", value: 14, source: "b" }),
  ]);
  expect(points.map((p) => [p.subject, p.value, p.facts.length]).sort()).toEqual([
    ["", 8, 1],
    ["一带一路沿线国家", 7.4, 1],
    ["东盟", 14, 2],
  ]);
});

test("reports disagree when their values differ by more than rounding", () => {
  const disagree = (...facts: Partial<FactRow>[]) =>
    aggregate(facts.map((f, i) => fact(i, f))).map((p) => p.disagree);
  expect(disagree({ value: 2300 }, { value: 2300, qualifier: "approx" })).toEqual([false]);
  expect(disagree({ value: 2300 }, { value: 2400 })).toEqual([true]);
  expect(disagree({ value: 1681 }, { value: 1700, qualifier: "approx" })).toEqual([false]);
  expect(disagree({ value: 50323000000 }, { value: 50000000000, qualifier: "more_than" })).toEqual([
    false,
  ]);
  expect(disagree({ value: 480 }, { value: 500, qualifier: "more_than" })).toEqual([true]);
  expect(disagree({ value: 11.3 }, { value: 11.4 })).toEqual([true]);
  expect(disagree({ value: 0 }, { value: 0 })).toEqual([false]);
  expect(roundingOf(503.23)).toBeCloseTo(0.005);
  expect(roundingOf(2300)).toBe(50);
});

test("the point drawn is the newest exact report", () => {
  const [point] = aggregate([
    fact(0, { value: 2400, published: "2023-01" }),
    fact(1, { value: 2300, published: "2023-06" }),
    fact(2, { value: 2500, qualifier: "approx", published: "2024-01" }),
  ]);
  expect(point?.value).toBe(2300);
  expect(point?.disagree).toBe(true);
});

test("the point table carries the points to the page and back, indexed by indicator", () => {
  const store = new FactStore();
  for (const f of [
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
  ])
    store.add(f);
  const index = new PointIndex();
  index.addFrom(store);
  const table = index.table(store);
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

test("facts grouped piece by piece make the same points as grouped at once", () => {
  const facts = Array.from({ length: 200 }, (_, i) =>
    fact(i, {
      region: i % 3 ? "taishan" : "xinhui",
      period: i % 4 ? "2021" : "2022",
      kind: i % 5 ? "actual" : "target",
      qualifier: i % 7 ? "exact" : "approx",
      subject: i % 11 ? "" : "某项目",
      published: `2022-0${1 + (i % 9)}`,
      source: `s${i % 13}`,
      value: i,
    }),
  );
  const whole = new FactStore();
  for (const f of facts) whole.add(f);
  const once = new PointIndex();
  once.addFrom(whole);

  const growing = new FactStore();
  const inSteps = new PointIndex();
  for (const [from, to] of [
    [0, 1],
    [1, 50],
    [50, 51],
    [51, 200],
  ] as const) {
    for (const f of facts.slice(from, to)) growing.add(f);
    inSteps.addFrom(growing);
  }
  expect(inSteps.table(growing)).toEqual(once.table(whole));
  expect(inSteps.factsByPoint()).toEqual(once.factsByPoint());
  expect(facts.map((_, i) => inSteps.pointOfFact(i))).toEqual(
    facts.map((_, i) => once.pointOfFact(i)),
  );
  expect(inSteps.pointOfFact(-1)).toBe(-1);
  expect(inSteps.pointOfFact(200)).toBe(-1);

  // Every fact is listed under exactly one point, the point's representative first.
  const { start, facts: listed } = once.factsByPoint();
  expect([...listed].sort((a, b) => a - b)).toEqual(facts.map((_, i) => i));
  for (let p = 0; p < once.count; p++) {
    const mine = [...listed.subarray(start[p]!, start[p + 1]!)];
    expect(mine.every((i) => once.pointOfFact(i) === p)).toBe(true);
    expect(once.table(whole).value[p]).toBe(facts[mine[0]!]!.value);
  }
});

test("sources of facts are distinct, with their dates, up to a limit", () => {
  const store = new FactStore();
  for (const [i, source] of ["a", "b", "a", "c", "d"].entries())
    store.add(fact(i, { source, published: `2022-0${i + 1}` }));
  expect(sourcesOf(store, [0, 1, 2, 3, 4], 3)).toEqual([
    { source: "a", published: "2022-01" },
    { source: "b", published: "2022-02" },
    { source: "c", published: "2022-04" },
  ]);
});

test("reports are counted per article: one sentence stating a figure twice is one report", () => {
  const store = new FactStore();
  for (const f of [
    // One article states 台山 GDP 2021 twice (突破500亿元, 503.23亿元), another once.
    fact(0, { source: "a", value: 50000000000, qualifier: "more_than" }),
    fact(1, { source: "a", value: 50323000000 }),
    fact(2, { source: "b", value: 50323000000, published: "2022-06" }),
    fact(3, { source: "c", region: "xinhui" }),
  ])
    store.add(f);
  const index = new PointIndex();
  index.addFrom(store);
  const table = index.table(store);
  const points = Array.from({ length: table.count }, (_, id) => pointAt(table, id));
  const taishan = points.find((p) => p.region === "taishan")!;
  expect(taishan).toMatchObject({ factCount: 3, sourceCount: 2, source: "b" });
  expect(points.find((p) => p.region === "xinhui")).toMatchObject({
    factCount: 1,
    sourceCount: 1,
    source: "c",
  });
});
