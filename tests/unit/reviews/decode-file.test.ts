// data/reviews.csv as the page reads it (src/review/reviewStore.ts): decoded as `npm run extract`
// decodes it, so a file a spreadsheet saved as GBK gives the page the same decisions, and a file
// that is no text is named as a problem of its line 1 rather than read as nothing.
import { describe, expect, it } from "vitest";
import { parseReviews, reviewsHeader } from "../../../extract/lib/index.ts";
import { decodeReviewsFile } from "../../../src/review/reviewStore.ts";
import { encodeGbk } from "../../gbk.ts";

// Written for this test.
const TEXT = `${reviewsHeader()}2026-12-07T09:00:00+08:00,confirm,d-4-gdp,d,4,12,503.23亿元,gdp,taishan,2021,50323000000,CNY,exact,actual,规上企业,已与公报核对\n`;

describe("decodeReviewsFile", () => {
  it("reads UTF-8, with or without a BOM, and GBK to the same decisions", () => {
    const utf8 = new TextEncoder().encode(TEXT);
    const bom = Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8);
    const gbk = encodeGbk(TEXT);
    const keys = new Set(["taishan"]);
    const read = [utf8, bom, gbk].map((b) => {
      const { text, problem } = decodeReviewsFile(b);
      expect(problem).toBeUndefined();
      return parseReviews(text, keys, "data/reviews.csv");
    });
    expect(read[0]!.problems).toEqual([]);
    expect(read[0]!.reviews[0]).toMatchObject({ subject: "规上企业", note: "已与公报核对" });
    expect(read[1]).toEqual(read[0]);
    expect(read[2]).toEqual(read[0]);
  });

  it("an empty file is no decisions; bytes that are no text are named, line 1", () => {
    expect(decodeReviewsFile(new Uint8Array())).toEqual({ text: "" });
    expect(decodeReviewsFile(new TextEncoder().encode("\n\n"))).toEqual({ text: "" });
    const binary = decodeReviewsFile(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3));
    expect(binary.text).toBe("");
    expect(binary.problem).toMatchObject({ file: "data/reviews.csv", line: 1 });
    expect(binary.problem!.message).toMatch(/cannot be read/);
  });
});
