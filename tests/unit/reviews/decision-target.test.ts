// A person's decision applies to exactly the fact it is about, in the command (applyReviews) and in
// the dashboard's overlay alike: an addition's id is its own (never an extracted fact's, never
// another addition's), a decision whose id is gone is matched by its span only when the span and
// the fields that tell the facts there apart name one fact, and a CNY value is in whole yuan.
// Texts and figures are written for these tests.
import { describe, expect, it } from "vitest";
import {
  additionId,
  applyReviews,
  decisionAbout,
  parseReviews,
  reviewsHeader,
  reviewToCsvLine,
  sentenceAround,
  type Fact,
  type Review,
} from "../../../extract/lib/index.ts";
import type { FactRow } from "../../../src/model/contract.ts";
import { overlayReviews } from "../../../src/review/overlay.ts";
import { describeFieldProblem } from "../../../src/review/ReviewForm.tsx";
import { factRow } from "../dashboard/fixtures.ts";

const REGIONS = new Set(["jiangmen", "taishan", "xinhui", "kaiping", "heshan"]);
const TEXT = "台山市去年地区生产总值503.23亿元。新会、开平、鹤山三地固定资产投资均超过100亿元。";
const DOC = { id: "doc9", text: TEXT, published: "2024-03" };
const T = "2024-04-01T10:00:00+08:00";

function fact(text: string, change: Partial<Fact>): Fact {
  const start = TEXT.indexOf(text);
  const base: Fact = {
    id: "",
    indicator: "gdp",
    region: "taishan",
    period: "2023",
    value: 50323000000,
    unit: "CNY",
    qualifier: "exact",
    kind: "actual",
    subject: "",
    source: "doc9",
    published: "2024-03",
    text,
    quote: sentenceAround(TEXT, start, start + text.length),
    start,
    end: start + text.length,
    review: "",
    ...change,
  };
  return { ...base, id: `doc9-${base.start}-${base.indicator}` };
}

const GDP = fact("503.23亿元", {});
// One bound, three places: three facts on one span, told apart by their region.
const shared = (region: string): Fact =>
  fact("超过100亿元", {
    indicator: "fixed_asset_investment",
    region,
    value: 10000000000,
    qualifier: "more_than",
  });
const XINHUI = shared("xinhui");
const KAIPING = shared("kaiping");
const HESHAN = shared("heshan");
// The run's extracted facts of one span get distinct ids in practice; here as the audit found them.
const EXTRACTED = [
  GDP,
  XINHUI,
  { ...KAIPING, id: `${KAIPING.id}-2` },
  { ...HESHAN, id: `${HESHAN.id}-3` },
];

const toRow = (f: Fact, i: number): FactRow =>
  factRow(i, { ...f, periodStart: 19358, periodEnd: 19722 });
const ROWS = EXTRACTED.map(toRow);
const every = () => true;

/** An addition at text[start, start+len) of the test text. */
function add(text: string, fields: Partial<Review>): Review {
  const start = TEXT.indexOf(text);
  return {
    ...decisionAbout(GDP, "confirm", T),
    action: "add",
    factId: "",
    start,
    end: start + text.length,
    text,
    ...fields,
  };
}

describe("an addition's id", () => {
  // 503.23亿 (the end differs from the extracted 503.23亿元's) at the same start and indicator:
  // doc-start-indicator was the extracted fact's id.
  const sameStart = add("503.23亿", { value: 50323000000, line: 2 });
  const twoPlaces = [
    add("超过100亿元", { indicator: "project_investment", region: "xinhui", line: 3 }),
    add("超过100亿元", { indicator: "project_investment", region: "kaiping", line: 4 }),
  ];

  it("never equals an extracted fact's id nor another addition's, and is the same on every run", () => {
    const reviews = [sameStart, ...twoPlaces];
    const first = applyReviews(DOC, EXTRACTED, reviews);
    const ids = first.facts.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(first.facts.filter((f) => f.review === "added")).toHaveLength(3);
    expect(first.facts.find((f) => f.id === GDP.id)?.review).toBe("");
    const again = applyReviews(DOC, EXTRACTED, reviews);
    expect(again.facts.map((f) => f.id)).toEqual(ids);
    for (const r of reviews) {
      expect(additionId(r)).toBe(additionId({ ...r }));
      expect(ids).toContain(additionId(r));
      expect(EXTRACTED.map((f) => f.id)).not.toContain(additionId(r));
    }
  });

  it("is the same in the dashboard's overlay as in the command", () => {
    const reviews = [sameStart, ...twoPlaces];
    const command = applyReviews(DOC, EXTRACTED, reviews).facts;
    const page = overlayReviews(ROWS, reviews, every).rows;
    const addedIds = (list: { id: string; review?: string }[]) =>
      list
        .filter((f) => f.review === "added")
        .map((f) => f.id)
        .sort();
    expect(addedIds(page)).toEqual(addedIds(command));
    expect(page.find((r) => r.id === GDP.id)?.review).toBe("");
    // After a run wrote them, the page's rows carry those ids; replaying changes nothing.
    const written = command.map(toRow);
    const replayed = overlayReviews(written, reviews, every).rows;
    expect(replayed.map((r) => [r.id, r.region, r.review])).toEqual(
      written.map((r) => [r.id, r.region, r.review]),
    );
  });

  it("is what a later correction of the addition names, and the correction applies to it alone", () => {
    const added = applyReviews(DOC, EXTRACTED, twoPlaces).facts.find(
      (f) => f.review === "added" && f.region === "kaiping",
    )!;
    const corrected = decisionAbout(added, "correct", T, { ...added, value: 12000000000 });
    const reviews = [...twoPlaces, corrected];
    for (const list of [
      applyReviews(DOC, EXTRACTED, reviews).facts,
      overlayReviews(ROWS, reviews, every).rows,
    ]) {
      const mine = list.filter((f) => f.indicator === "project_investment");
      expect(mine.map((f) => [f.region, f.value, f.review]).sort()).toEqual([
        ["kaiping", 12000000000, "corrected"],
        ["xinhui", 50323000000, "added"],
      ]);
    }
  });
});

describe("a decision whose id is gone, on a span several facts share", () => {
  const gone = (f: Fact, action: "confirm" | "reject"): Review => ({
    ...decisionAbout(f, action, T),
    factId: "doc9-old-id",
  });

  it("applies to the one fact its span and region name", () => {
    const reviews = [gone(KAIPING, "reject"), gone(XINHUI, "confirm")];
    const out = applyReviews(DOC, EXTRACTED, reviews);
    expect(out.facts.map((f) => [f.region, f.review])).toEqual([
      ["taishan", ""],
      ["xinhui", "confirmed"],
      ["heshan", ""],
    ]);
    expect(out.unapplied).toEqual([]);
    const page = overlayReviews(ROWS, reviews, every);
    expect(page.rows.map((r) => [r.region, r.review])).toEqual([
      ["taishan", ""],
      ["xinhui", "confirmed"],
      ["heshan", ""],
    ]);
    expect(page.rejected).toBe(1);
  });

  it("applies to nothing, named, when the span and fields name no single fact", () => {
    // A place none of the three is: once this went to the last fact on the span (鹤山).
    const elsewhere = gone({ ...KAIPING, region: "taishan" }, "reject");
    const out = applyReviews(DOC, EXTRACTED, [elsewhere]);
    expect(out.facts.map((f) => [f.region, f.review])).toEqual(
      EXTRACTED.map((f) => [f.region, ""]),
    );
    expect(out.applied).toBe(0);
    expect(out.unapplied).toHaveLength(1);
    expect(out.unapplied[0]!.reason).toMatch(/3 facts share/);
    const page = overlayReviews(ROWS, [elsewhere], every);
    expect(page.rows.map((r) => [r.region, r.review])).toEqual(ROWS.map((r) => [r.region, ""]));
    expect(page.rejected).toBe(0);
    expect(page.unmatched.map((d) => d.line)).toEqual([elsewhere.line]);
  });
});

describe("a CNY value", () => {
  it("is refused unless whole yuan, naming file, line and field; the form says so in both languages", () => {
    const text =
      reviewsHeader() +
      reviewToCsvLine(decisionAbout(GDP, "correct", T, { ...GDP, value: 12.5 })) +
      reviewToCsvLine(decisionAbout(GDP, "correct", T, { ...GDP, value: 50324000000 }));
    const { reviews, problems } = parseReviews(text, REGIONS, "data/reviews.csv");
    expect(reviews.map((r) => r.line)).toEqual([3]);
    expect(problems).toEqual([
      {
        file: "data/reviews.csv",
        line: 2,
        field: "value",
        message: 'an amount in CNY is in whole yuan: "12.5"',
      },
    ]);
    const problem = { field: "value" as const, message: problems[0]!.message };
    expect(describeFieldProblem("zh", problem)).toContain("整数元");
    expect(describeFieldProblem("en", problem)).toContain("whole yuan");
  });
});
