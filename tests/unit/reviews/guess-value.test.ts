// 补录's first guess at the value of a number selected in an article: read as the extractor reads
// numbers (extract/lib findNumbers), so the form opens with the value a run would give for it and
// the person only checks it. A guess off by ten thousand (万亿 read as 亿) or with its sign lost
// is easily taken as it stands.
import { describe, expect, it } from "vitest";
import { guessValue } from "../../../src/review/AddFromSelection.tsx";

describe("the value 补录 guesses for a selected number", () => {
  it("reads magnitudes, Chinese numerals, signs and full-width digits as the extractor does", () => {
    expect(guessValue("503.23亿元")).toBe("50323000000");
    expect(guessValue("3500户")).toBe("3500");
    expect(guessValue("1,234.5万元")).toBe("12345000");
    expect(guessValue("1.2万亿元")).toBe("1200000000000");
    expect(guessValue("3.5千万元")).toBe("35000000");
    expect(guessValue("两千三百家")).toBe("2300");
    expect(guessValue("负1.2%")).toBe("-1.2");
    expect(guessValue("-2.3%")).toBe("-2.3");
    expect(guessValue("１２３亿元")).toBe("12300000000");
  });

  it("still guesses from the digits when the extractor reads no number there, and gives nothing for no digits", () => {
    // A currency the contract has no unit for: the digits and the magnitude, for the person to fix.
    expect(guessValue("120亿美元")).toBe("12000000000");
    expect(guessValue("总投资")).toBe("");
  });
});
