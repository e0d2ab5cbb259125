import { expect, test } from "vitest";
import type { Point } from "../../../src/model/aggregate.ts";
import { deriveDashboard } from "../../../src/state/derive.ts";
import { DEFAULT_VIEW } from "../../../src/state/viewState.ts";
import { describeChart } from "../../../src/chart/describe.ts";
import { chartPoint } from "./fixtures.ts";

let nextId = 0;
const point = (region: string, period: string, value: number, change: Partial<Point> = {}) =>
  chartPoint({ id: nextId++, indicator: "trade_growth", region, period, value, ...change });
const view = { ...DEFAULT_VIEW, indicator: "trade_growth" as const };
const tableKeys = ["jiangmen", "xinhui", "taishan"];

test("with only figures about parts, they are drawn and the view says so", () => {
  const points = [
    point("jiangmen", "2022", 7.4, { subject: "一带一路沿线国家" }),
    point("jiangmen", "2022", 14, { subject: "东盟" }),
  ];
  const d = deriveDashboard(view, { points, tableKeys });
  expect(d).toMatchObject({ hasTotals: false, hasParts: true, showSubjects: true });
  expect(d.drawn.map((p) => p.value)).toEqual([7.4, 14]);
});

test("beside region-wide figures, parts start hidden and the toggle shows them", () => {
  const points = [point("jiangmen", "2022", 8), point("jiangmen", "2022", 14, { subject: "东盟" })];
  const hidden = deriveDashboard(view, { points, tableKeys });
  expect(hidden.showSubjects).toBe(false);
  expect(hidden.drawn.map((p) => p.value)).toEqual([8]);
  const shown = deriveDashboard({ ...view, subjects: true }, { points, tableKeys });
  expect(shown.drawn.map((p) => p.value)).toEqual([8, 14]);
});

test("the frequency offered are those present; the default has the most points", () => {
  const points = [
    point("xinhui", "2021", 1),
    point("xinhui", "2022-Q1", 2),
    point("xinhui", "2022-Q2", 3),
    point("xinhui", "2022-01/2022-05", 4),
  ];
  const d = deriveDashboard(view, { points, tableKeys });
  expect(d.frequencies).toEqual([
    { frequency: "year", count: 1 },
    { frequency: "quarter", count: 2 },
    { frequency: "ytd", count: 1 },
  ]);
  expect(d.frequency).toBe("quarter");
  expect(d.drawn.map((p) => p.period)).toEqual(["2022-Q1", "2022-Q2"]);
  expect(deriveDashboard({ ...view, freq: "ytd" }, { points, tableKeys }).drawn[0]?.value).toBe(4);
  // A frequency the selection lacks falls back to the default.
  expect(deriveDashboard({ ...view, freq: "month" }, { points, tableKeys }).frequency).toBe(
    "quarter",
  );
  // The comparison lists periods in time order.
  expect(d.periods.map((p) => p.period)).toEqual(["2021", "2022-Q1", "2022-01/2022-05", "2022-Q2"]);
});

test("the chart description names indicator, districts, span and latest values in words", () => {
  const points = [
    point("xinhui", "2021", 5),
    point("xinhui", "2022", 6.5, { disagree: true }),
    point("taishan", "2022", -0.0001),
  ];
  const names: Record<string, string> = { xinhui: "新会区", taishan: "台山市" };
  const config = {
    indicator: "trade_growth" as const,
    unit: "percent" as const,
    regions: ["xinhui", "taishan"],
    regionName: (k: string) => names[k] ?? k,
  };
  const zh = describeChart({ ...config, lang: "zh" }, points);
  expect(zh).toBe(
    "进出口增速,新会区、台山市,2021 — 2022。最新:新会区 2022 6.5% (数值不一致);台山市 2022 0%。",
  );
  const en = describeChart({ ...config, lang: "en", regionName: (k) => k }, points);
  expect(en).toContain("Trade growth for xinhui, taishan, 2021 — 2022. Latest: xinhui 2022 6.5%");
  expect(zh + en).not.toMatch(/NaN|-0/);
});
