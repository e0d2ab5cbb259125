// A large indicator's points are made a slice a task (src/views/indicatorPoints.ts): the slices
// together give the same points, in the same order, as making them at once, and the derivation's
// per-points work is done by the last step.
import { expect, test } from "vitest";
import { indexByIndicator, pointAt, PointIndex } from "../../../src/model/aggregate.ts";
import { FactStore } from "../../../src/model/factStore.ts";
import { parsePeriod } from "../../../src/model/period.ts";
import { deriveDashboard } from "../../../src/state/derive.ts";
import { DEFAULT_VIEW } from "../../../src/state/viewState.ts";
import { pointsInSlices } from "../../../src/views/indicatorPoints.ts";
import { itemsAhead, writeItemsAhead } from "../../../src/chart/timeSeries.ts";
import { factRow } from "./fixtures.ts";

const REGIONS = ["jiangmen", "xinhui", "taishan"] as const;
const PERIODS = ["2020", "2021", "2022-Q1", "2022-01/2022-05"] as const;

function table() {
  const store = new FactStore();
  for (let i = 0; i < 23; i++) {
    const period = PERIODS[i % PERIODS.length]!;
    const range = parsePeriod(period)!;
    store.add(
      factRow(i, {
        indicator: i % 5 ? "trade_growth" : "gdp",
        region: REGIONS[i % REGIONS.length]!,
        period,
        periodStart: range.start,
        periodEnd: range.end,
        value: i + 0.5,
        subject: i % 7 === 3 ? `项目${i}` : "",
      }),
    );
  }
  const index = new PointIndex();
  index.addFrom(store);
  const t = index.table(store);
  return { table: t, byIndicator: indexByIndicator(t) };
}

test("made in slices of 3, the points are those made at once, in order, one slice a step", () => {
  const { table: t, byIndicator } = table();
  const ids = byIndicator.get("trade_growth")!;
  expect(ids.length).toBeGreaterThan(6);
  const steps = pointsInSlices(t, ids, 3);
  let yields = 0;
  let step = steps.next();
  for (; !step.done; step = steps.next()) yields++;
  expect(yields).toBe(Math.ceil(ids.length / 3));
  expect(step.value.points).toEqual(Array.from(ids, (id) => pointAt(t, id)));
  // The same derivation as from points made at once.
  const view = { ...DEFAULT_VIEW, indicator: "trade_growth" as const, subjects: true };
  const atOnce = Array.from(ids, (id) => pointAt(t, id));
  const tableKeys = [...REGIONS];
  const sliced = deriveDashboard(view, { points: step.value.points, tableKeys });
  const whole = deriveDashboard(view, { points: atOnce, tableKeys });
  expect(sliced.drawn).toEqual(whole.drawn);
  expect(sliced.frequencies).toEqual(whole.frequencies);
  expect(sliced.years).toEqual(whole.years);
  expect(sliced.compared).toEqual(whole.compared);
  expect(sliced.mapped).toEqual(whole.mapped);
});

test("an indicator with no points gives none", () => {
  const { table: t } = table();
  const steps = pointsInSlices(t, new Uint32Array(0), 3);
  const step = steps.next();
  expect(step).toEqual({ done: true, value: { points: [], ahead: undefined } });
});

test("the work on each slice sees that slice's new points, in order, in its own step", () => {
  const { table: t, byIndicator } = table();
  const ids = byIndicator.get("trade_growth")!;
  const seen: [number, number, number][] = [];
  const steps = pointsInSlices(t, ids, 4, (points, total, from, to) => {
    expect(points).toHaveLength(to);
    seen.push([total, from, to]);
  });
  let step = steps.next();
  for (let n = 1; !step.done; n++, step = steps.next()) expect(seen).toHaveLength(n);
  expect(seen.map(([, from]) => from)).toEqual(
    Array.from({ length: Math.ceil(ids.length / 4) }, (_, i) => i * 4),
  );
  expect(seen.every(([total]) => total === ids.length)).toBe(true);
  expect(seen.at(-1)![2]).toBe(ids.length);
});

test("the chart items a slice writes go to the next slice, and are kept with the points", () => {
  const { table: t, byIndicator } = table();
  const ids = byIndicator.get("trade_growth")!;
  const steps = pointsInSlices(t, ids, 4, (points, total, from, to, ahead) =>
    writeItemsAhead(points, "percent", total, from, to, ahead),
  );
  let step = steps.next();
  while (!step.done) step = steps.next();
  const { points, ahead } = step.value;
  // Every slice wrote into the one set of items, which holds every point's.
  expect(ahead?.written).toBe(ids.length);
  expect(itemsAhead(ahead, points, "percent")).toBe(ahead);
  expect(Array.from(ahead!.ids)).toEqual(points.map((p) => p.id));
});
