// The dashboard's replay of decisions over loaded rows (src/review/overlay.ts) and the trust
// figures: a decision shows at once, replaying the file's decisions over a file a run already
// reviewed changes nothing, and a rejected fact counts as checked and wrong.
import { describe, expect, it } from "vitest";
import { decisionAbout, type Fact } from "../../../extract/lib/index.ts";
import type { FactRow } from "../../../src/model/contract.ts";
import { FactStore } from "../../../src/model/factStore.ts";
import { addition, asFact, formValues } from "../../../src/review/decisions.ts";
import { overlayReviews } from "../../../src/review/overlay.ts";
import { countStates, trustFigures } from "../../../src/review/summary.ts";
import { factRow } from "../dashboard/fixtures.ts";

const T = "2026-12-07T10:00:00+08:00";
const a = factRow(0, { id: "d-10-gdp", source: "d", text: "503.23亿元", start: 10, end: 18 });
const b = factRow(1, {
  id: "d-30-gdp",
  source: "d",
  region: "kaiping",
  value: 100,
  text: "100亿元",
  start: 30,
  end: 35,
});
const c = factRow(2, {
  id: "d-50-gdp",
  source: "d",
  region: "enping",
  value: 7,
  text: "7亿元",
  start: 50,
  end: 53,
});
const fact = (row: FactRow): Fact => asFact(row)!;

describe("overlayReviews", () => {
  const reviews = [
    decisionAbout(fact(a), "correct", T, { ...fact(a), value: 50324000000 }, "typo"),
    decisionAbout(fact(b), "reject", T),
    decisionAbout(fact(c), "confirm", T),
    addition(
      { source: "d", start: 60, end: 65, text: "1700家" },
      { ...formValues(a), indicator: "enterprise_count", value: "1700" },
      "全区有企业1700家。",
      "2022-05",
    ),
  ];

  it("applies the decisions to the rows: corrected, gone, confirmed, added", () => {
    const { rows, rejected } = overlayReviews([a, b, c], reviews);
    expect(rows.map((r) => [r.id, r.value, r.review])).toEqual([
      ["d-10-gdp", 50324000000, "corrected"],
      ["d-50-gdp", 7, "confirmed"],
      ["d-60-enterprise_count", 1700, "added"],
    ]);
    expect(rows[2]).toMatchObject({
      unit: "count",
      quote: "全区有企业1700家。",
      published: "2022-05",
    });
    expect(rejected).toBe(1);
  });

  it("gives the same rows when replayed over a file a run already reviewed", () => {
    const once = overlayReviews([a, b, c], reviews).rows;
    // What `npm run extract` writes after these decisions: the same rows, the rejected one gone.
    const twice = overlayReviews(once, reviews);
    expect(twice.rows).toEqual(once);
    expect(twice.rejected).toBe(1);
  });

  it("does not bring back a confirmed fact whose article is gone", () => {
    const { rows } = overlayReviews([a], [decisionAbout(fact(c), "confirm", T)]);
    expect(rows).toEqual([a]);
  });

  it("counts the trust figures from the states: of 3 checked facts, 1 was right", () => {
    const { rows, rejected } = overlayReviews([a, b, c], reviews);
    const store = new FactStore();
    for (const row of rows) store.add(row);
    const counts = countStates(store, rejected);
    expect(counts).toEqual({
      unchecked: 0,
      confirmed: 1,
      corrected: 1,
      added: 1,
      stale: 0,
      rejected: 1,
    });
    expect(trustFigures(counts)).toEqual({ checked: 3, right: 1 });
  });
});
