// The gold gate: the extraction of data/raw, in process, scored against tests/fixtures/gold with
// the contract's rules. Fails, listing every miss and unmatched row, below the bar.
import { describe, expect, it } from "vitest";
import { extractFolderFacts } from "../../extract/node/corpus.ts";
import {
  factsToRows,
  formatScoreDetails,
  formatScoreLine,
  readGoldDir,
  scoreRows,
} from "../../scripts/score.ts";

const LENIENT_F1_BAR = 0.97;
const STRICT_F1_BAR = 0.9;

describe("gold: extraction of data/raw against tests/fixtures/gold", async () => {
  const gold = await readGoldDir("tests/fixtures/gold");
  const { facts, skipped } = await extractFolderFacts("data/raw", "data/regions.csv");
  const rows = factsToRows(facts);

  it("reads every document of data/raw", () => {
    expect(skipped).toEqual([]);
  });

  it(`lenient F1 ≥ ${LENIENT_F1_BAR}`, () => {
    const score = scoreRows(gold, rows, false);
    const explanation = `${formatScoreLine(score)}\n${formatScoreDetails(score)}`;
    expect(score.f1, explanation).toBeGreaterThanOrEqual(LENIENT_F1_BAR);
  });

  it(`strict F1 ≥ ${STRICT_F1_BAR}`, () => {
    const score = scoreRows(gold, rows, true);
    const explanation = `${formatScoreLine(score)}\n${formatScoreDetails(score)}`;
    expect(score.f1, explanation).toBeGreaterThanOrEqual(STRICT_F1_BAR);
  });
});
