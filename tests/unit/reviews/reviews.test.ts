// Reviews (data/reviews.csv): reading the file, checking a person's fields as a contract row,
// and applying decisions to what the extractor read. Texts are written for these tests.
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  additionId,
  applyReviews,
  checkFactFields,
  decisionAbout,
  isPeriodLabel,
  parseReviews,
  REVIEW_COLUMNS,
  reviewsHeader,
  reviewToCsvLine,
  sentenceAround,
  type Fact,
  type Review,
} from "../../../extract/lib/index.ts";

const REGIONS = new Set(["jiangmen", "taishan", "xinhui", "kaiping"]);

// 0         1         2         3         4
// 01234567890123456789012345678901234567890123456
const TEXT =
  "台山市去年地区生产总值503.23亿元。新会区签约项目12个，总投资80亿元。开平市出口额增长6.5%。";
const DOC = { id: "doc1", text: TEXT, published: "2024-03" };

function span(text: string): { start: number; end: number; text: string } {
  const start = TEXT.indexOf(text);
  if (start < 0) throw new Error(`no ${text} in the test text`);
  return { start, end: start + text.length, text };
}

function fact(text: string, change: Partial<Fact>): Fact {
  const s = span(text);
  const base: Fact = {
    id: "",
    indicator: "gdp",
    region: "taishan",
    period: "2023",
    value: 1,
    unit: "CNY",
    qualifier: "exact",
    kind: "actual",
    subject: "",
    source: "doc1",
    published: "2024-03",
    text: s.text,
    quote: sentenceAround(TEXT, s.start, s.end),
    start: s.start,
    end: s.end,
    ...change,
  };
  return { ...base, id: `doc1-${base.start}-${base.indicator}` };
}

const GDP = fact("503.23亿元", { value: 50323000000 });
const COUNT = fact("12个", {
  indicator: "project_count",
  region: "xinhui",
  unit: "count",
  value: 12,
});
const INVEST = fact("80亿元", {
  indicator: "project_investment",
  region: "xinhui",
  value: 8000000000,
});
const EXPORT = fact("6.5%", {
  indicator: "trade_growth",
  region: "kaiping",
  unit: "percent",
  value: 6.5,
});
const EXTRACTED = [GDP, COUNT, INVEST, EXPORT];

let clock = 0;
const at = () => `2024-04-01T10:00:${String(clock++ % 60).padStart(2, "0")}+08:00`;

describe("applyReviews", () => {
  it("leaves facts nobody decided about as the extractor read them, unmarked", () => {
    const out = applyReviews(DOC, EXTRACTED, []);
    expect(out.facts).toEqual(EXTRACTED);
    expect(out.facts.every((f) => (f.review ?? "") === "")).toBe(true);
  });

  it("corrects, rejects, confirms and adds as the contract says", () => {
    const missed = span("开平市");
    const reviews: Review[] = [
      decisionAbout(GDP, "correct", at(), { ...GDP, value: 50324000000 }),
      decisionAbout(COUNT, "reject", at()),
      decisionAbout(INVEST, "confirm", at()),
      {
        ...decisionAbout(EXPORT, "confirm", at()),
        action: "add",
        factId: "",
        ...missed,
        indicator: "enterprise_count",
        unit: "count",
        value: 3,
      },
    ];
    const out = applyReviews(DOC, EXTRACTED, reviews);
    expect(out.facts.map((f) => [f.text, f.review ?? "", f.value])).toEqual([
      ["503.23亿元", "corrected", 50324000000],
      ["80亿元", "confirmed", 8000000000],
      ["开平市", "added", 3],
      ["6.5%", "", 6.5],
    ]);
    const added = out.facts.find((f) => f.review === "added")!;
    expect(added.quote).toBe("开平市出口额增长6.5%。");
    expect(added.published).toBe("2024-03");
    // Its own id (decision-target.test.ts): stable, never an extracted fact's.
    expect(added.id).toBe(additionId(reviews.find((r) => r.action === "add")!));
    // A corrected fact keeps its id, so later decisions still find it.
    expect(out.facts[0]!.id).toBe(GDP.id);
    expect(out.applied).toBe(4);
    expect(out.unapplied).toEqual([]);
    expect(out.stale).toEqual([]);
  });

  it("marks a confirmed fact stale when the extractor now reads it differently", () => {
    const confirmed = decisionAbout(GDP, "confirm", at());
    // A later extractor reads the same number for another region and period.
    const reread = { ...GDP, region: "jiangmen", period: "2024-03" };
    const out = applyReviews(DOC, [reread, COUNT], [confirmed]);
    expect(out.facts[0]).toMatchObject({ region: "jiangmen", review: "stale" });
    expect(out.stale.map((f) => f.id)).toEqual([GDP.id]);
    // Read the same way, it stays confirmed.
    expect(applyReviews(DOC, [GDP], [confirmed]).facts[0]!.review).toBe("confirmed");
  });

  it("confirms a stale fact again when a person confirms the extractor's new reading", () => {
    const reread = { ...GDP, region: "jiangmen", period: "2024-03" };
    // Confirmed once; the extractor then read it differently (stale); the person looked again
    // and confirmed the new reading as shown: that decision is the last, and it stands.
    const history = [decisionAbout(GDP, "confirm", at()), decisionAbout(reread, "confirm", at())];
    const out = applyReviews(DOC, [reread], history);
    expect(out.facts[0]).toMatchObject({ region: "jiangmen", review: "confirmed" });
    expect(out.stale).toEqual([]);
    expect(out.score).toMatchObject({ checked: 1, right: 1 });
  });

  it("matches a decision by span when the fact's id changed", () => {
    const corrected = decisionAbout(EXPORT, "correct", at(), { ...EXPORT, value: 6.6 });
    const renamed = { ...EXPORT, id: "doc1-x-trade_value" };
    const out = applyReviews(DOC, [renamed], [corrected]);
    expect(out.facts).toHaveLength(1);
    expect(out.facts[0]).toMatchObject({ value: 6.6, review: "corrected", id: renamed.id });
  });

  it("lets the last decision win and keeps a correction confirmed as shown", () => {
    const corrected = { ...GDP, region: "jiangmen" };
    const history = [
      decisionAbout(GDP, "reject", at()),
      decisionAbout(GDP, "correct", at(), corrected),
      decisionAbout({ ...GDP, ...corrected }, "confirm", at()),
    ];
    const out = applyReviews(DOC, [GDP], history);
    expect(out.facts).toEqual([{ ...GDP, region: "jiangmen", review: "corrected" }]);
    expect(applyReviews(DOC, [GDP], history.slice(0, 1)).facts).toEqual([]);
  });

  it("applies a decision whose span no longer holds its text to nothing, and says why", () => {
    const moved = { ...decisionAbout(GDP, "correct", at()), start: 0, end: 4 };
    const elsewhere = { ...decisionAbout(COUNT, "reject", at()), source: "doc2" };
    const out = applyReviews(DOC, EXTRACTED, [moved, elsewhere]);
    expect(out.facts).toEqual(EXTRACTED);
    expect(out.applied).toBe(0);
    expect(out.unapplied.map((u) => u.reason)).toEqual([
      `0–4 of doc1 no longer holds "503.23亿元" (it holds "台山市去")`,
      "it is about doc2, not doc1",
    ]);
  });

  it("keeps a correction when the extractor no longer reads that number at all", () => {
    const corrected = decisionAbout(COUNT, "correct", at(), { ...COUNT, value: 13 });
    const out = applyReviews(DOC, [GDP], [corrected]);
    expect(out.facts.map((f) => [f.text, f.value, f.review ?? ""])).toEqual([
      ["503.23亿元", 50323000000, ""],
      ["12个", 13, "corrected"],
    ]);
  });

  it("scores the raw extractor: right as extracted over checked, and over the true facts", () => {
    const missed = span("开平市");
    const reviews: Review[] = [
      decisionAbout(GDP, "confirm", at()),
      decisionAbout(COUNT, "correct", at(), { ...COUNT, value: 13 }),
      decisionAbout(INVEST, "reject", at()),
      { ...decisionAbout(EXPORT, "confirm", at()), action: "add", factId: "", ...missed },
    ];
    const { score } = applyReviews(DOC, EXTRACTED, reviews);
    // Checked: GDP, COUNT, INVEST (3); right: GDP; truth: GDP, COUNT, the addition.
    expect(score).toEqual({ checked: 3, right: 1, truth: 3 });
  });
});

describe("checkFactFields", () => {
  const good = {
    indicator: "gdp",
    region: "taishan",
    period: "2023",
    value: "50324000000",
    unit: "CNY",
    qualifier: "exact",
    kind: "actual",
    subject: "",
  };
  it("accepts a contract row", () => {
    expect(checkFactFields(good, REGIONS)).toEqual([]);
  });
  it.each([
    [{ indicator: "gpd" }, "indicator"],
    [{ unit: "percent" }, "unit"],
    [{ period: "2023-13" }, "period"],
    [{ period: "2024/2023" }, "period"],
    [{ region: "guangzhou" }, "region"],
    [{ value: "5e" }, "value"],
    [{ indicator: "enterprise_count", unit: "count", value: "12.5" }, "value"],
    [{ qualifier: "about" }, "qualifier"],
    [{ kind: "plan" }, "kind"],
  ])("refuses %j naming the field %s", (change, field) => {
    const problems = checkFactFields({ ...good, ...change }, REGIONS);
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems[0]!.message.length).toBeGreaterThan(5);
  });
  it("reads the period grammar", () => {
    for (const ok of ["2023", "2023-Q4", "2023-H1", "2023-02", "2024-02-29", "2018/2022"])
      expect(isPeriodLabel(ok), ok).toBe(true);
    for (const bad of ["23", "2023-Q5", "2023-02-30", "2023/2022", "2023/", "a/b/c"])
      expect(isPeriodLabel(bad), bad).toBe(false);
  });
});

describe("parseReviews", () => {
  it("reads back what reviewToCsvLine writes, quotes and commas included", () => {
    const tricky = decisionAbout(
      { ...INVEST, subject: '年产,10万吨"新材料"项目' },
      "correct",
      "2024-04-01T10:00:00+08:00",
      { ...INVEST, subject: '年产,10万吨"新材料"项目', value: 9000000000 },
      "note with a\nline break",
    );
    const text = reviewsHeader() + reviewToCsvLine(tricky) + reviewToCsvLine(tricky);
    // The file a strict parser sees: one header and two rows of 16 cells.
    const strict = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(strict.errors).toEqual([]);
    expect(strict.data[0]).toEqual([...REVIEW_COLUMNS]);
    expect(strict.data.slice(1).every((row) => row.length === REVIEW_COLUMNS.length)).toBe(true);
    const { reviews, problems } = parseReviews(text, REGIONS);
    expect(problems).toEqual([]);
    expect(reviews).toEqual([
      { ...tricky, line: 2 },
      { ...tricky, line: 4 },
    ]);
  });

  it("names a bad row by its line and field, and keeps the others", () => {
    const ok = reviewToCsvLine(decisionAbout(GDP, "confirm", "2024-04-01T10:00:00Z"));
    const badRegion = reviewToCsvLine({
      ...decisionAbout(GDP, "correct", "2024-04-01T10:00:00Z"),
      region: "guangzhou",
    });
    const badTime = reviewToCsvLine(decisionAbout(COUNT, "reject", "yesterday"));
    const badAction = ok.replace(",confirm,", ",approve,");
    const text = reviewsHeader() + ok + badRegion + "\n" + badTime + badAction + ok;
    const { reviews, problems } = parseReviews(text, REGIONS, "data/reviews.csv");
    expect(reviews.map((r) => r.line)).toEqual([2, 7]);
    expect(problems).toEqual([
      {
        file: "data/reviews.csv",
        line: 3,
        field: "region",
        message: '"guangzhou" is not a region of the region table',
      },
      {
        file: "data/reviews.csv",
        line: 5,
        field: "reviewed_at",
        message: '"yesterday" is not an ISO 8601 time with offset',
      },
      {
        file: "data/reviews.csv",
        line: 6,
        field: "action",
        message: '"approve" is not one of confirm, correct, reject, add',
      },
    ]);
  });

  it("names a correction or an addition that does not give every field, and an addition with a fact_id", () => {
    // The contract: for correct and add the values the person gave (complete); fact_id is empty
    // for add. Only subject (a region-wide total) and note may be empty.
    const t = "2024-04-01T10:00:00+08:00";
    const corrected = decisionAbout(GDP, "correct", t, { ...GDP, value: 50324000000 });
    const added = { ...decisionAbout(COUNT, "correct", t), action: "add" as const, factId: "" };
    const cells = (review: typeof corrected, column: string, cell: string) => {
      const row = Papa.parse<string[]>(reviewToCsvLine(review)).data[0]!;
      row[REVIEW_COLUMNS.indexOf(column as (typeof REVIEW_COLUMNS)[number])] = cell;
      return Papa.unparse([row], { newline: "\n" }) + "\n";
    };
    const text =
      reviewsHeader() +
      cells(corrected, "qualifier", "") +
      cells(corrected, "kind", "") +
      cells(added, "unit", "") +
      cells(added, "fact_id", GDP.id) +
      reviewToCsvLine({ ...corrected, subject: "" }) +
      reviewToCsvLine(added) +
      // A confirmation or a rejection carries the fields as extracted: not asked to be complete.
      cells(decisionAbout(GDP, "reject", t), "kind", "");
    const { reviews, problems } = parseReviews(text, REGIONS, "data/reviews.csv");
    expect(problems).toEqual([
      {
        file: "data/reviews.csv",
        line: 2,
        field: "qualifier",
        message: "a correction gives every field: the qualifier is empty",
      },
      {
        file: "data/reviews.csv",
        line: 3,
        field: "kind",
        message: "a correction gives every field: the kind is empty",
      },
      {
        file: "data/reviews.csv",
        line: 4,
        field: "unit",
        message: "an addition gives every field: the unit is empty",
      },
      {
        file: "data/reviews.csv",
        line: 5,
        field: "fact_id",
        message: `an addition has no fact_id (it is a fact the extractor missed), not "${GDP.id}"`,
      },
    ]);
    expect(reviews.map((r) => [r.line, r.action])).toEqual([
      [6, "correct"],
      [7, "add"],
      [8, "reject"],
    ]);
  });

  it("names a row whose quoting a hand edit broke, and reads every row after it", () => {
    const ok = reviewToCsvLine(decisionAbout(GDP, "confirm", "2024-04-01T10:00:00Z"));
    const quoted = reviewToCsvLine(
      decisionAbout(INVEST, "correct", "2024-04-01T11:00:00Z", {
        ...INVEST,
        subject: '"新材料",项目',
      }),
    );
    // A note whose closing quote was lost, then one with text after its closing quote.
    const unclosed = ok.replace(/,\n$/, ',"lost its closing quote\n');
    const trailing = ok.replace(/,\n$/, ',"note" and more\n');
    const text = reviewsHeader() + ok + unclosed + quoted + trailing + ok;
    for (const [name, sample] of [
      ["LF", text],
      ["CRLF", text.replace(/\n/g, "\r\n")],
    ] as const) {
      const { reviews, problems } = parseReviews(sample, REGIONS, "data/reviews.csv");
      // A lenient reader takes line 4 on into the note of line 3: the later decisions are lost.
      expect(
        reviews.map((r) => [r.line, r.action]),
        name,
      ).toEqual([
        [2, "confirm"],
        [4, "correct"],
        [6, "confirm"],
      ]);
      expect(reviews[1]!.subject, name).toBe('"新材料",项目');
      expect(
        problems.map((p) => [p.file, p.line, p.message]),
        name,
      ).toEqual([
        ["data/reviews.csv", 3, expect.stringMatching(/not closed on it \(a " is missing\)/)],
        ["data/reviews.csv", 5, expect.stringMatching(/after its closing quote/)],
      ]);
    }
  });

  it("refuses a header without the contract's columns", () => {
    const { reviews, problems } = parseReviews("a,b\n1,2\n", REGIONS);
    expect(reviews).toEqual([]);
    expect(problems[0]).toMatchObject({ line: 1 });
    expect(problems[0]!.message).toMatch(/missing columns reviewed_at, action/);
  });
});
