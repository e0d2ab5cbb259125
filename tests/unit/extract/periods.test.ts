import { describe, expect, it } from "vitest";
import { findPeriods } from "../../../extract/lib/periods.ts";

const pub = { year: 2024, month: 3 };
const labels = (text: string, p = pub) => findPeriods(text, p).map((m) => m.label);

describe("period labels", () => {
  it.each([
    ["2021年", "2021"],
    ["二〇二三年", "2023"],
    ["2022年第一季度", "2022-Q1"],
    ["一季度", "2024-Q1"],
    ["第三季度", "2024-Q3"],
    ["上半年", "2024-H1"],
    ["2023年下半年", "2023-H2"],
    ["前三季度", "2024-01/2024-09"],
    ["2023年前三季度", "2023-01/2023-09"],
    // Months in Chinese numerals, alone or as a span.
    ["十月份", "2024-10"],
    ["十二月", "2024-12"],
    ["一至十月", "2024-01/2024-10"],
    ["2023年一月至九月", "2023-01/2023-09"],
    // Quarters from one to another: the months they span.
    ["一至三季度", "2024-01/2024-09"],
    ["2023年1—3季度", "2023-01/2023-09"],
    ["第二至第三季度", "2024-04/2024-09"],
    ["一季度至三季度", "2024-01/2024-09"],
    ["1—2月", "2024-01/2024-02"],
    ["1-2月", "2024-01/2024-02"],
    ["1月至5月", "2024-01/2024-05"],
    ["3月", "2024-03"],
    ["3月份", "2024-03"],
    ["今年", "2024"],
    ["去年", "2023"],
    ["去年8月", "2023-08"],
    ["今年以来", "2024-01/2024-03"],
    ["开年以来", "2024-01/2024-03"],
    ["年初至今", "2024-01/2024-03"],
    ["今年初以来", "2024-01/2024-03"],
    ["今年年初至今", "2024-01/2024-03"],
    ["近五年来", "2019/2023"],
    ["近5年", "2019/2023"],
    ["过去一年", "2023"],
    ["2018年以来", "2018/2024"],
    ["从2018年起", "2018/2024"],
    ["2024年以来", "2024-01/2024-03"],
    ["2022年全年", "2022"],
    ["全年", "2024"],
    ["目前", "2024-03"],
  ])("%s → %s", (text, label) => expect(labels(text)).toEqual([label]));

  it("resolves relative words against the publication date", () => {
    expect(labels("近五年来", { year: 2022, month: 5 })).toEqual(["2017/2021"]);
    expect(labels("今年以来", { year: 2022, month: 5 })).toEqual(["2022-01/2022-05"]);
  });

  it("event dates are found but set no period", () => {
    expect(labels("4月11日召开")).toEqual([""]);
    expect(labels("2023年1月21日至27日")).toEqual([""]);
    expect(labels("3月6—7日")).toEqual([""]);
  });

  it("a time after 于 is when something happens, not a period", () => {
    expect(labels("计划于3月首线试产")).toEqual([""]);
  });

  it("a Chinese month with a day is a date, and a month does not continue a numeral", () => {
    expect(labels("十月十八日")).toEqual([""]);
    expect(labels("一二月份")).toEqual([]);
    expect(labels("三个月")).toEqual([]);
  });

  it("quarters listed or out of order are no span", () => {
    expect(labels("一季度、三季度")).toEqual(["2024-Q1", "2024-Q3"]);
    expect(labels("一季度，三季度")).toEqual(["2024-Q1", "2024-Q3"]);
    expect(labels("三至一季度").includes("2024-01/2024-09")).toBe(false);
  });

  it("comparison words name no period", () => {
    expect(labels("比上年增长5%")).toEqual([""]);
    expect(labels("较去年同期提高")).toEqual([""]);
    expect(labels("比2022年增长")).toEqual([""]);
  });

  it("without a publication date relative words have no label", () => {
    expect(findPeriods("今年一季度", undefined).every((m) => m.label === "")).toBe(true);
    expect(findPeriods("2021年", undefined).map((m) => m.label)).toEqual(["2021"]);
  });

  it("four digits without 年 are not a year", () => {
    expect(labels("增长1234家")).toEqual([]);
  });

  it("近年来 and 一年多来 are not periods", () => {
    expect(labels("近年来，一年多来")).toEqual([]);
  });

  it("reports offsets of each mention", () => {
    const text = "据统计，2023年江海区引进项目";
    const [m] = findPeriods(text, pub);
    expect(text.slice(m!.start, m!.end)).toBe("2023年");
  });
});
