// Property: whatever bytes a document holds, decoding → extraction → CSV rows stay consistent:
// every row parses back, its offsets point at its text in the decoded document, rows are sorted.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvHeader } from "../../../extract/lib/csv.ts";
import { extractDocument } from "../../../extract/lib/index.ts";
import { parseRegionTable } from "../../../extract/lib/regionTable.ts";
import { decodeDocument } from "../../../extract/node/decode.ts";
import { processDocument } from "../../../extract/node/process.ts";

const { regions } = parseRegionTable(readFileSync("data/regions.csv", "utf8"), "data/regions.csv");

// Phrases the extractor reacts to, and characters that trouble CSV and offsets.
const PIECES = [
  "2023年，江门市地区生产总值4022.25亿元，同比增长4.5%。",
  "新会区固定资产投资90亿元，增长11.3%；",
  "江海区引进项目51个，计划总投资额294.6亿元",
  "约",
  "超",
  "近",
  "预计",
  "力争",
  "1—2月",
  "一季度",
  "去年",
  "今年以来",
  "。",
  "，",
  "\n",
  "\r\n",
  "\r",
  "\t",
  '"',
  '""',
  ",",
  " ",
  "# 江门新会\n",
  "\uD800",
  "\uDC00",
  "😀",
  "\uFEFF",
  "\u00A0",
  "１２３亿元",
  "三千万元",
];

const FACT_SENTENCE = "2023年，江门市地区生产总值4022.25亿元，同比增长4.5%。";

/** Random pieces around one sentence that states facts, so every document has figures to find. */
const documentText = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 20 }),
    fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 20 }),
  )
  .map(([before, after]) => [...before, FACT_SENTENCE, ...after].join(""));

describe("decode → extract → CSV", () => {
  it("keeps rows parseable, offsets pointing at their text, rows sorted by start", () => {
    let factsSeen = 0;
    fc.assert(
      fc.property(
        documentText,
        fc.boolean(),
        fc.constantFrom(undefined, "2024-03", "2023-07-15"),
        (text, bom, published) => {
          const bytes = new TextEncoder().encode((bom ? "\uFEFF" : "") + text);
          const decoded = decodeDocument(bytes);
          if (!decoded.ok) {
            // Only an empty or blank text, or a binary-looking one, is refused.
            expect(decoded.reason).toMatch(/empty|binary/);
            return;
          }
          const outcome = processDocument(
            {
              kind: "text",
              label: "doc",
              id: "doc",
              text: decoded.text,
              ...(published ? { published } : {}),
            },
            regions,
            extractDocument,
          );
          expect(outcome.ok).toBe(true);
          if (!outcome.ok) return;
          const parsed = Papa.parse<Record<string, string>>(csvHeader() + outcome.csvRows, {
            header: true,
            skipEmptyLines: true,
          });
          expect(parsed.errors).toEqual([]);
          expect(parsed.data).toHaveLength(outcome.factCount);
          factsSeen += outcome.factCount;
          let previous = -1;
          for (const row of parsed.data) {
            const [start, end] = [Number(row.start), Number(row.end)];
            expect(decoded.text.slice(start, end)).toBe(row.text);
            expect(row.source).toBe("doc");
            expect(start).toBeGreaterThanOrEqual(previous);
            previous = start;
          }
        },
      ),
      { numRuns: 300 },
    );
    // The property is about facts: make sure the generated documents gave some.
    expect(factsSeen).toBeGreaterThan(0);
  });
});
