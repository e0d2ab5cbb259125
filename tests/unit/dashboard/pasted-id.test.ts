// Ids of pasted articles (src/model/pasted.ts): unique across sessions, so a decision kept in the
// browser about an article pasted earlier never attaches to another one pasted later, and still a
// document id every reader takes (a file-name stem, as reviews.csv and the article fetch need).
import { describe, expect, it } from "vitest";
import { parseReviews, reviewsHeader, reviewToCsvLine } from "../../../extract/lib/index.ts";
import { isSafeSourceId } from "../../../src/data/metadata.ts";
import { pastedId, pastedSession } from "../../../src/model/pasted.ts";

describe("pastedId", () => {
  it("differs between sessions, even two opened in the same millisecond", () => {
    const now = Date.UTC(2026, 11, 7, 10);
    const a = pastedSession(now, 0.1);
    const b = pastedSession(now, 0.2);
    const later = pastedSession(now + 1, 0.1);
    expect(new Set([a, b, later]).size).toBe(3);
    expect(pastedId(a, 1)).not.toBe(pastedId(b, 1));
    // Never the old form, so a decision about an old `pasted-1` finds no new article.
    expect(pastedId(a, 1)).not.toBe("pasted-1");
    expect(pastedId(a, 1)).toMatch(/^pasted-[0-9a-z]+-1$/);
  });

  it("is a document id the page fetches and reviews.csv reads back, as the old form is", () => {
    for (const id of [pastedId(pastedSession(), 12), "pasted-1"]) {
      expect(isSafeSourceId(id)).toBe(true);
      const line = reviewToCsvLine({
        reviewedAt: "2026-12-07T10:00:00+08:00",
        action: "confirm",
        factId: `${id}-15-gdp`,
        source: id,
        start: 15,
        end: 22,
        text: "321.5亿元",
        indicator: "gdp",
        region: "taishan",
        period: "2023",
        value: 32150000000,
        unit: "CNY",
        qualifier: "exact",
        kind: "actual",
        subject: "",
        note: "",
        line: 0,
      });
      const { reviews, problems } = parseReviews(reviewsHeader() + line, new Set(["taishan"]));
      expect(problems).toEqual([]);
      expect(reviews[0]).toMatchObject({ source: id, factId: `${id}-15-gdp` });
    }
  });
});
