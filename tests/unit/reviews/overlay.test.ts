// The dashboard's replay of decisions over loaded rows (src/review/overlay.ts) and the trust
// figures: a decision shows at once, replaying the file's decisions over a file a run already
// reviewed changes nothing, and a rejected fact counts as checked and wrong. A decision about a
// document the dashboard does not have (deleted since) applies to nothing, as `npm run extract`
// applies it, and applies again when the document is back.
import { describe, expect, it } from "vitest";
import { additionId, decisionAbout, type Fact } from "../../../extract/lib/index.ts";
import type { FactRow } from "../../../src/model/contract.ts";
import { FactStore } from "../../../src/model/factStore.ts";
import { addition, asFact, formValues } from "../../../src/review/decisions.ts";
import { overlayReviews } from "../../../src/review/overlay.ts";
import {
  checkableIn,
  countStates,
  trustFigures,
  uncheckedFacts,
} from "../../../src/review/summary.ts";
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
/** Every document is here. */
const every = () => true;
const reviewsOf = (row: FactRow, action: "confirm" | "reject") =>
  decisionAbout(fact(row), action, T);

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
    const { rows, rejected } = overlayReviews([a, b, c], reviews, every);
    expect(rows.map((r) => [r.id, r.value, r.review])).toEqual([
      ["d-10-gdp", 50324000000, "corrected"],
      ["d-50-gdp", 7, "confirmed"],
      [additionId(reviews[3]!), 1700, "added"],
    ]);
    expect(rows[2]).toMatchObject({
      unit: "count",
      quote: "全区有企业1700家。",
      published: "2022-05",
    });
    expect(rejected).toBe(1);
  });

  it("gives the same rows when replayed over a file a run already reviewed", () => {
    const once = overlayReviews([a, b, c], reviews, every).rows;
    // What `npm run extract` writes after these decisions: the same rows, the rejected one gone.
    const twice = overlayReviews(once, reviews, every);
    expect(twice.rows).toEqual(once);
    expect(twice.rejected).toBe(1);
  });

  it("does not bring back a confirmed fact whose article is gone", () => {
    const { rows, gone } = overlayReviews(
      [a],
      [decisionAbout(fact(c), "confirm", T)],
      (s) => s !== "d",
    );
    expect(rows).toEqual([a]);
    expect(gone).toHaveLength(1);
  });

  describe("a number decided about that the loaded file has no row for (its article here)", () => {
    // The loaded CSV was extracted without c (an older run, or another reading): the decisions
    // about c are not hidden until the next run, but shown as that run writes them.
    const confirmed = { ...decisionAbout(fact(c), "confirm", T), line: 7 };
    const corrected = {
      ...decisionAbout(fact(c), "correct", T, { ...fact(c), value: 8 }, "笔误"),
      line: 9,
    };

    it("shows a confirmation as the run writes it: stale, the extractor reads nothing there", () => {
      const { rows, waiting, gone } = overlayReviews([a], [confirmed], every);
      expect(rows.map((r) => [r.id, r.value, r.review])).toEqual([
        ["d-10-gdp", a.value, ""],
        ["d-50-gdp", 7, "stale"],
      ]);
      // Its date is its article's, as the loaded rows of that article give it.
      expect(rows[1]).toMatchObject({ source: "d", text: "7亿元", published: a.published });
      expect(waiting).toEqual([{ line: 7, action: "confirm", text: "7亿元", source: "d" }]);
      expect(gone).toEqual([]);
    });

    it("shows a correction as corrected, named by its last decision's line", () => {
      const { rows, waiting } = overlayReviews([a], [confirmed, corrected], every);
      expect(rows.map((r) => [r.id, r.value, r.review])).toEqual([
        ["d-10-gdp", a.value, ""],
        ["d-50-gdp", 8, "corrected"],
      ]);
      expect(waiting).toEqual([{ line: 9, action: "correct", text: "7亿元", source: "d" }]);
    });

    it("counts nothing as waiting once the file has the row, and replays to the same rows", () => {
      for (const decisions of [[confirmed], [confirmed, corrected]]) {
        const once = overlayReviews([a], decisions, every);
        // What the next `npm run extract` writes is what was shown: replaying over it keeps it.
        const twice = overlayReviews(once.rows, decisions, every);
        expect(twice.rows).toEqual(once.rows);
        expect(twice.waiting).toEqual([]);
      }
    });

    it("counts a rejection of such a number as checked, and shows nothing for it", () => {
      const rejected = decisionAbout(fact(c), "reject", T);
      const out = overlayReviews([a], [confirmed, rejected], every);
      expect(out.rows).toEqual([a]);
      expect(out.rejected).toBe(1);
      expect(out.waiting).toEqual([]);
    });
  });

  it("counts the trust figures from the states: of 3 checked facts, 1 was right", () => {
    const { rows, rejected } = overlayReviews([a, b, c], reviews, every);
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

  it("does not count a person taking back their own addition as an extracted fact found wrong", () => {
    // 补录 of 1700家, then 驳回 of it: the extractor read nothing there, so nothing it extracted
    // was checked (npm run eval -- --reviews counts it so). Before the next run (no row yet) and
    // after it (the row the run wrote, marked added), alike.
    const added = reviews[3]!;
    const row = overlayReviews([a], [added], every).rows[1]!;
    expect(row.review).toBe("added");
    const takenBack = decisionAbout(fact(row), "reject", T);
    for (const rows of [[a], [a, row]]) {
      const out = overlayReviews(rows, [added, takenBack], every);
      expect(out.rows).toEqual([a]);
      expect(out.rejected).toBe(0);
    }
    // A rejected extracted fact still counts, with or without its row in the file.
    expect(overlayReviews([a, b], [reviewsOf(b, "reject")], every).rejected).toBe(1);
    expect(overlayReviews([a], [reviewsOf(b, "reject")], every).rejected).toBe(1);
  });

  it("leaves the facts of an article pasted for the session only out of the 待核对 count and queue alike", () => {
    // "d" is an article of the data, "pasted-s-1" one pasted for the session (no review buttons,
    // skipped by the queue): only d's three facts are there to check.
    const store = new FactStore();
    for (const row of [a, b, c]) store.add(row);
    for (const [i, row] of [a, b].entries())
      store.add({ ...row, id: `pasted-s-1-${i}`, source: "pasted-s-1" });
    const checkable = checkableIn(store, new Set(["pasted-s-1", "pasted-s-9"]));
    const queue = uncheckedFacts(store, 2, checkable);
    expect(queue).toEqual({ positions: [0, 1], total: 3 });
    expect(countStates(store, 0, checkable).unchecked).toBe(queue.total);
    // With none pasted for the session only, every fact is there to check.
    expect(uncheckedFacts(store, 10, checkableIn(store, new Set())).total).toBe(5);
  });

  describe("a document the dashboard does not have", () => {
    // An addition on article "e" (saved, then deleted: no facts loaded, not in sources.csv).
    const added = addition(
      { source: "e", start: 12, end: 17, text: "4.5亿元" },
      { ...formValues(a), value: "4.5" },
      "全年完成4.5亿元。",
      "2024-03-01",
    );
    const known =
      (...ids: string[]) =>
      (source: string) =>
        ids.includes(source);

    it("shows an addition while the document is here, not when it is gone, and again when it is back", () => {
      const here = overlayReviews([a], [added], known("d", "e"));
      expect(here.rows.map((r) => [r.source, r.text, r.value, r.review])).toEqual([
        ["d", "503.23亿元", a.value, ""],
        ["e", "4.5亿元", added.value, "added"],
      ]);
      expect(here.gone).toEqual([]);

      const away = overlayReviews([a], [added], known("d"));
      expect(away.rows).toEqual([a]);
      expect(away.gone).toHaveLength(1);

      // Saved again (same bytes, same id): the decision, still in the list, applies again.
      expect(overlayReviews([a], [added], known("d", "e")).rows).toEqual(here.rows);
    });

    it("asks about every document decided about, a loaded row's too: rows do not vouch for a file", () => {
      const asked: string[] = [];
      const spy = (source: string) => (asked.push(source), source === "d");
      const { rows, gone } = overlayReviews([a, b], [reviewsOf(a, "confirm"), added], spy);
      expect(rows.map((r) => r.review)).toEqual(["confirmed", ""]);
      expect(asked).toEqual(["d", "e"]);
      expect(gone).toHaveLength(1);
    });

    it("applies nothing to the rows of a document whose file is gone, as the run would not", () => {
      // sources.csv still lists "d" and the CSV still has its rows, but its file is gone from
      // data/raw: `npm run extract` names these decisions as applied to nothing.
      const decisions = [
        reviewsOf(a, "confirm"),
        reviewsOf(b, "reject"),
        decisionAbout(fact(c), "correct", T, { ...fact(c), value: 8 }, ""),
      ];
      const away = overlayReviews([a, b, c], decisions, known("e"));
      expect(away.rows).toEqual([a, b, c]);
      expect(away.gone).toHaveLength(3);
      expect(away.rejected).toBe(0);
    });

    it("counts every decision of a gone document as applied to nothing; a rejection there is not counted as checked", () => {
      // Extracted from "e" before it was deleted: checked, then rejected; another one corrected.
      const e1 = factRow(3, { id: "e-30-gdp", source: "e", text: "9亿元", start: 30, end: 33 });
      const e2 = factRow(4, { id: "e-40-gdp", source: "e", text: "8亿元", start: 40, end: 43 });
      const decisions = [
        decisionAbout(fact(e1), "confirm", T),
        decisionAbout(fact(e1), "reject", T),
        decisionAbout(fact(e2), "correct", T, { ...fact(e2), value: 810000000 }, ""),
        added,
      ];
      const away = overlayReviews([a], decisions, known("d"));
      expect(away.rows).toEqual([a]);
      // As the extract report counts them: one per row of reviews.csv.
      expect(away.gone).toHaveLength(4);
      // `npm run eval -- --reviews` scores no document that is gone; nor does the trust line.
      expect(away.rejected).toBe(0);
      // While the document was here (its facts loaded), the rejection counted as checked.
      expect(overlayReviews([a, e1, e2], decisions, known("d", "e")).rejected).toBe(1);
    });
  });
});
