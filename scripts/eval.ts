// `npm run eval`: scores the extraction of data/raw against the gold facts, lenient and strict,
// printing per-document counts, every miss and every unmatched row.
//   --gold DIR     gold CSVs (default tests/fixtures/gold)
//   --pred FILE    score this CSV instead of extracting
//   --in DIR, --regions FILE   what to extract (default data/raw, data/regions.csv)
//   --min-f1 X     exit 1 when the lenient F1 is below X
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { extractFolderFacts } from "../extract/node/corpus.ts";
import {
  factsToRows,
  formatScoreDetails,
  formatScoreLine,
  parseCsvRecords,
  PRED_REQUIRED_COLUMNS,
  readGoldDir,
  scoreRows,
  type PredRow,
} from "./score.ts";

async function readPredictions(file: string): Promise<PredRow[]> {
  const { rows, columns } = parseCsvRecords(await readFile(file, "utf8"));
  const missing = PRED_REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) throw new Error(`${file} lacks columns: ${missing.join(", ")}`);
  return rows;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      gold: { type: "string", default: "tests/fixtures/gold" },
      pred: { type: "string" },
      in: { type: "string", default: "data/raw" },
      regions: { type: "string", default: "data/regions.csv" },
      "min-f1": { type: "string" },
    },
  });
  const gold = await readGoldDir(values.gold);
  let predicted: PredRow[];
  if (values.pred) {
    predicted = await readPredictions(values.pred);
    console.log(`scoring ${values.pred} against ${values.gold}\n`);
  } else {
    const { facts, skipped } = await extractFolderFacts(values.in, values.regions);
    for (const s of skipped) console.log(`skipped ${s.file}: ${s.reason}`);
    predicted = factsToRows(facts);
    console.log(
      `scoring the extraction of ${values.in} (${facts.length} facts) against ${values.gold}\n`,
    );
  }
  const lenient = scoreRows(gold, predicted, false);
  const strict = scoreRows(gold, predicted, true);
  console.log(formatScoreDetails(lenient));
  if (strict.misses.length || strict.unmatched.length)
    console.log("\n" + formatScoreDetails(strict));
  console.log("\n" + formatScoreLine(lenient) + "\n" + formatScoreLine(strict));
  const min = values["min-f1"];
  return min !== undefined && lenient.f1 < Number(min) ? 1 : 0;
}

main().then(
  (status) => (process.exitCode = status),
  (error: unknown) => {
    console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
