import { describe, expect, it } from "vitest";
import binding from "../../../extract/lexicon/binding.json" with { type: "json" };
import { compileBinding } from "../../../extract/lib/bind/lexicon.ts";

describe("binding.json", () => {
  it("compiles the shipped file", () => {
    const lex = compileBinding(binding);
    expect(lex.punct.test("，")).toBe(true);
    expect(lex.punct.test(" ")).toBe(true);
    expect(lex.numeralStart.test("5")).toBe(true);
    expect(lex.boundAmount.exec("1000万美元以上新设")?.[0]).toBe("1000万美元以上");
    expect(lex.thresholdBound.exec("及以上项目")?.[1]).toBe("以上");
    expect(
      "与甲和乙以及丙".replace(lex.listPartnerPrefix, "").split(lex.listItemSeparator),
    ).toEqual(["甲", "乙", "丙"]);
  });

  it("names the key that is missing or malformed", () => {
    const { bounds: _, ...noBounds } = binding;
    expect(() => compileBinding(noBounds)).toThrow(/"bounds"/);
    expect(() => compileBinding({ ...binding, attributive: "的的" })).toThrow(/"attributive"/);
    expect(() => compileBinding({ ...binding, respectively: [""] })).toThrow(/"respectively"/);
    expect(() =>
      compileBinding({ ...binding, projectName: { ...binding.projectName, noun: 3 } }),
    ).toThrow(/"projectName.noun"/);
    expect(() => compileBinding([])).toThrow(/binding.json/);
  });
});
