import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { comparePeriods, parsePeriod, periodGrain, yearOfDay } from "../../../src/model/period.ts";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe("parsePeriod", () => {
  test.each([
    ["2021", "2021-01-01", "2021-12-31"],
    ["2022-Q1", "2022-01-01", "2022-03-31"],
    ["2022-Q4", "2022-10-01", "2022-12-31"],
    ["2022-H2", "2022-07-01", "2022-12-31"],
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["2023-02", "2023-02-01", "2023-02-28"],
    ["2024-03-07", "2024-03-07", "2024-03-07"],
    ["2024-01/2024-02", "2024-01-01", "2024-02-29"],
    ["2018/2022", "2018-01-01", "2022-12-31"],
    ["2022-Q1/2022-H2", "2022-01-01", "2022-12-31"],
  ])("%s spans %s to %s", (label, start, end) => {
    expect(parsePeriod(label)).toEqual({ start: day(start), end: day(end) });
  });

  test.each([
    "",
    "22",
    "2022-Q5",
    "2022-H3",
    "2022-13",
    "2023-02-29",
    "2022/2021",
    "2022-1",
    "a/b",
    "2021/2022/2023",
    " 2021",
  ])("rejects %j", (label) => expect(parsePeriod(label)).toBeNull());

  test("every valid single period lies inside its year and sorts by start", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        (year, month) => {
          const m = String(month).padStart(2, "0");
          const range = parsePeriod(`${year}-${m}`);
          expect(range).not.toBeNull();
          expect(yearOfDay(range!.start)).toBe(year);
          expect(yearOfDay(range!.end)).toBe(year);
          expect(parsePeriod(`${year}`)!.start).toBeLessThanOrEqual(range!.start);
        },
      ),
    );
  });

  test("a quarter sorts before the year it starts with a shorter span", () => {
    expect(comparePeriods(parsePeriod("2022-Q1")!, parsePeriod("2022")!)).toBeLessThan(0);
    expect(comparePeriods(parsePeriod("2021")!, parsePeriod("2022-Q1")!)).toBeLessThan(0);
  });
});

describe("periodGrain", () => {
  test("names the kind of period each label of the grammar is", () => {
    const labels = ["2023", "2023-H1", "2023-Q4", "2023-07", "2023-07-15", "2023-01/2023-05"];
    expect(labels.map(periodGrain)).toEqual(["year", "half", "quarter", "month", "day", "span"]);
    expect(periodGrain("2018/2022")).toBe("span");
  });
});
