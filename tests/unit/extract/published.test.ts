import { describe, expect, it } from "vitest";
import { inferPublished, parsePublished } from "../../../extract/lib/published.ts";

describe("inferPublished", () => {
  it("prefers the dateline", () => {
    const text = "2023年1月21日至27日春节假期。据新华社北京1月30日电 会议。将于2月3日召开展会。";
    expect(inferPublished(text)).toBe("2023-01");
  });
  it("takes a newspaper dateline with its month", () => {
    expect(inferPublished("研究部署2024年工作。江门日报讯(记者/何裕)3月8日,区税务局签约。")).toBe(
      "2024-03",
    );
  });
  it("uses the latest full date when there is no dateline", () => {
    expect(inferPublished("2022年3月1日开工，2022年4月19日投产。")).toBe("2022-04-19");
  });
  it("falls back to the latest year named", () => {
    expect(inferPublished("2021年GDP增长，2022年继续。")).toBe("2022-12");
  });
  it("gives up without any year", () => {
    expect(inferPublished("今年一季度经济运行平稳。")).toBeUndefined();
  });
});

describe("parsePublished", () => {
  it.each([
    ["2022-04", { year: 2022, month: 4 }],
    ["2023-01-30", { year: 2023, month: 1 }],
    ["2023-13", undefined],
    ["", undefined],
    ["April 2022", undefined],
  ])("%s", (s, v) => expect(parsePublished(s)).toEqual(v));
});
