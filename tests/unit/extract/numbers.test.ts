import { describe, expect, it } from "vitest";
import { findNumbers, parseChineseNumeral, scaleDecimal } from "../../../extract/lib/numbers.ts";

const one = (text: string) => {
  const tokens = findNumbers(text);
  expect(tokens).toHaveLength(1);
  const t = tokens[0]!;
  return {
    value: t.value,
    unit: t.unit,
    qualifier: t.qualifier,
    text: text.slice(t.start, t.end),
    high: t.high,
  };
};

describe("Chinese numerals", () => {
  it.each([
    ["十", 10],
    ["十五", 15],
    ["二十", 20],
    ["一百", 100],
    ["百", 100],
    ["两千三百", 2300],
    ["三万五千", 35000],
    ["一百零五", 105],
    ["两千三百亿", 230000000000],
    ["二〇二三", 2023],
    ["六点二", 6.2],
    ["三点一四", 3.14],
    ["十二点零五", 12.05],
  ])("%s = %d", (s, v) => expect(parseChineseNumeral(s)).toBe(v));
  it.each(["十x", "六点", "点五", "六点十"])("rejects %s, which is not a numeral", (s) =>
    expect(parseChineseNumeral(s)).toBeNaN(),
  );
});

describe("decimal scaling is exact", () => {
  it.each([
    ["503.23", 8, 50323000000],
    ["3.07", 12, 3070000000000],
    ["1,681", 0, 1681],
    ["100.22", 8, 10022000000],
    ["0.5", 4, 5000],
    ["1.23456", 2, 123.456],
  ])("%s × 10^%d", (s, e, v) => expect(scaleDecimal(s, e)).toBe(v));
});

describe("numbers with units", () => {
  it.each([
    ["达503.23亿元", 50323000000, "CNY", "exact", "503.23亿元"],
    ["3.07万亿元", 3070000000000, "CNY", "exact", "3.07万亿元"],
    ["5000万元", 50000000, "CNY", "exact", "5000万元"],
    ["600万元", 6000000, "CNY", "exact", "600万元"],
    ["两千三百亿元", 230000000000, "CNY", "exact", "两千三百亿元"],
    ["百亿元", 10000000000, "CNY", "exact", "百亿元"],
    ["1.13万家", 11300, "count", "exact", "1.13万家"],
    ["企业1,681家", 1681, "count", "exact", "1,681家"],
    ["一百余个", 100, "count", "more_than", "一百余个"],
    ["十余家", 10, "count", "more_than", "十余家"],
    ["200多家", 200, "count", "more_than", "200多家"],
    ["增长11.3%", 11.3, "percent", "exact", "11.3%"],
    ["增长１１．３％", 11.3, "percent", "exact", "１１．３％"],
    ["百分之十五", 15, "percent", "exact", "百分之十五"],
    ["提高2个百分点", 2, "points", "exact", "2个百分点"],
  ])("%s", (text, value, unit, qualifier, written) => {
    // Full-width forms are folded by normalize(); here the raw finder sees ASCII only.
    const t = one(
      text.replace(/[０-９％．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)),
    );
    expect(t).toMatchObject({ value, unit, qualifier });
    if (!/[０-９]/.test(written)) expect(t.text).toBe(written);
  });
});

describe("qualifiers", () => {
  it.each([
    ["约为2300亿元", "approx"],
    ["约2300亿元", "approx"],
    ["近1700家", "approx"],
    ["100亿元左右", "approx"],
    ["6%上下", "approx"],
    ["超220亿元", "more_than"],
    ["超过6000万元", "more_than"],
    ["逾100亿元", "more_than"],
    ["首次突破500亿元", "more_than"],
    ["500亿元以上", "more_than"],
    ["不到10家", "less_than"],
    ["不足5%", "less_than"],
    ["1亿元以下", "less_than"],
    ["达100亿元", "exact"],
  ])("%s → %s", (text, qualifier) => expect(one(text).qualifier).toBe(qualifier));

  it("超额完成 is not 超: the word does not touch the number", () => {
    expect(one("超额完成5.82%").qualifier).toBe("exact");
  });
});

describe("ranges give the low end with more_than and keep the top", () => {
  it.each([
    ["3至5亿元", 300000000, 500000000],
    ["3-5亿元", 300000000, 500000000],
    ["8.5亿元至10亿元", 850000000, 1000000000],
    ["约8.5亿元至10亿元", 850000000, 1000000000],
    ["3～5个", 3, 5],
  ])("%s", (text, low, high) => {
    const t = one(text);
    expect(t).toMatchObject({ value: low, high, qualifier: "more_than" });
    expect(t.text).toBe(text);
  });
});

describe("a magnitude with no numeral", () => {
  it.each([
    ["超过万亿", "more_than"],
    ["突破万亿元", "more_than"],
    ["超万亿", "more_than"],
  ])("%s is one 万亿 after a bound word", (text, qualifier) => {
    expect(one(text)).toMatchObject({ value: 1e12, unit: "CNY", qualifier, text });
  });
  it("is a name without a bound word (万亿俱乐部, 冲击万亿城市)", () => {
    expect(findNumbers("迈入万亿俱乐部，冲击万亿城市，万亿元")).toEqual([]);
  });
});

describe("a multiple", () => {
  it("after a growth word is a rate of hundreds per cent", () => {
    expect(findNumbers("增长1.5倍").map((t) => [t.value, t.unit])).toEqual([[150, "percent"]]);
    expect(findNumbers("增长了两倍").map((t) => [t.value, t.unit])).toEqual([[200, "percent"]]);
  });
  it("after anything else is a ratio, no number", () => {
    expect(findNumbers("是全省的2倍")).toEqual([]);
  });
});

describe("what is not a number", () => {
  it("bare 亿元 (亿元以上产业项目, 超亿元项目) has no numeral", () => {
    expect(findNumbers("引进亿元以上产业项目，新引进超亿元项目")).toEqual([]);
  });
  it("numbers without a unit or classifier are skipped", () => {
    expect(findNumbers("2023年 50GWh 第133届 KN95")).toEqual([]);
  });
  it("spans to skip (dates) hide their digits", () => {
    const text = "1—2月共15个";
    expect(findNumbers(text, 0, text.length, [{ start: 0, end: 4 }]).map((t) => t.value)).toEqual([
      15,
    ]);
  });
  it("项目 after a number is not the classifier 项", () => {
    expect(findNumbers("超百亿项目2个，5项目").map((t) => [t.value, t.unit])).toEqual([
      [2, "count"],
    ]);
    expect(findNumbers("总投资超百亿。").map((t) => [t.value, t.unit])).toEqual([
      [10000000000, "CNY"],
    ]);
  });
  it("家次 is not a count of firms", () => {
    expect(findNumbers("对接拜访企业超400家次")[0]?.unit).toBe("other");
  });
});
