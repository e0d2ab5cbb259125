// A decision kept in the browser (static mode) is named in the review bar by its line in the
// reviews.csv the bar downloads (src/review/reviewStore.ts), as `npm run extract` will name it once
// that file is in data/: the served file's lines come first, then the browser's.
import { describe, expect, it } from "vitest";
import {
  decisionAbout,
  parseReviews,
  reviewsHeader,
  reviewToCsvLine,
  type Fact,
} from "../../../extract/lib/index.ts";
import { browserLineShift, reviewsFileText } from "../../../src/review/reviewStore.ts";

const fact = (start: number, note = ""): Fact => ({
  id: `d-${start}-gdp`,
  indicator: "gdp",
  region: "taishan",
  period: "2023",
  value: 1e9,
  unit: "CNY",
  qualifier: "exact",
  kind: "actual",
  subject: note,
  source: "d",
  published: "2024-03",
  text: "10亿元",
  quote: "",
  start,
  end: start + 4,
});
const line = (start: number, note = "") =>
  reviewToCsvLine(decisionAbout(fact(start, note), "confirm", "2024-04-01T10:00:00+08:00"));
const regions = new Set(["taishan"]);

describe("browserLineShift", () => {
  // A note across two lines (quoted) takes two lines of the file.
  const served = [
    reviewsHeader() + line(1) + line(2, "两行\n备注"),
    (reviewsHeader() + line(1)).trimEnd(),
    "",
  ];
  for (const fileText of served) {
    it(`gives each browser decision its line in the downloaded file (${JSON.stringify(fileText.slice(-8))})`, () => {
      const browserLines = [line(30), line(40)];
      const alone = parseReviews(reviewsHeader() + browserLines.join(""), regions).reviews;
      const joined = reviewsFileText({ reviews: [], problems: [], fileText, browserLines });
      const inFile = parseReviews(joined, regions).reviews.slice(-2);
      expect(alone.map((r) => r.line + browserLineShift(fileText))).toEqual(
        inFile.map((r) => r.line),
      );
    });
  }
});
